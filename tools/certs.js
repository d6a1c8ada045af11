// The self-signed certificate for https://localhost that `npm start` and `npm run dev-server` share:
// made here with selfsigned in ~/.chitieu/certs (nothing installed system-wide, no sudo), valid
// CERT_DAYS days, and made again when it is within RENEW_DAYS of its end, by its real notAfter.

const { X509Certificate, createPrivateKey } = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const CERT_DAYS = 30;
const RENEW_DAYS = 5;
const DAY = 24 * 3600 * 1000;

function certificatePaths(home = os.homedir()) {
  const dir = path.join(home, ".chitieu", "certs");
  return { dir, keyFile: path.join(dir, "localhost.key"), certFile: path.join(dir, "localhost.crt") };
}

/**
 * Whether the certificate on disk can still be used: it parses, it is for localhost, its key is the
 * one beside it, and it is valid from now until more than RENEW_DAYS ahead. Its file dates play no part.
 */
function certificateStatus(certFile, keyFile, now = Date.now()) {
  let x509;
  try {
    x509 = new X509Certificate(fs.readFileSync(certFile));
  } catch (error) {
    return { usable: false, reason: error.code === "ENOENT" ? "chưa có (none yet)" : "không đọc được (unreadable)", notAfter: null };
  }
  const notAfter = new Date(x509.validTo);
  const notBefore = new Date(x509.validFrom);
  let keyMatches = false;
  try {
    keyMatches = x509.checkPrivateKey(createPrivateKey(fs.readFileSync(keyFile)));
  } catch {
    keyMatches = false;
  }
  if (!keyMatches) return { usable: false, reason: "khoá không khớp (key missing or not its own)", notAfter };
  if (x509.checkHost("localhost") === undefined) return { usable: false, reason: "không dành cho localhost (not for localhost)", notAfter };
  if (notBefore.getTime() > now) return { usable: false, reason: "chưa có hiệu lực (not yet valid)", notAfter };
  if (notAfter.getTime() - now <= RENEW_DAYS * DAY) return { usable: false, reason: "sắp hết hạn hoặc đã hết hạn (expiring)", notAfter };
  return { usable: true, reason: null, notAfter };
}

/** The certificate, made (or made again) when needed. `log` receives one line on what was done. */
async function localCertificate({ home = os.homedir(), log = () => {} } = {}) {
  const { dir, keyFile, certFile } = certificatePaths(home);
  const status = certificateStatus(certFile, keyFile);
  let notAfter = status.notAfter;
  if (!status.usable) {
    log(`tạo chứng chỉ tự ký cho localhost, hạn ${CERT_DAYS} ngày (making a self-signed certificate): ${status.reason}`);
    const selfsigned = require("selfsigned");
    const notBeforeDate = new Date(Date.now() - 60 * 1000);
    const notAfterDate = new Date(notBeforeDate.getTime() + CERT_DAYS * DAY);
    // selfsigned 5 takes the validity as dates (notBeforeDate/notAfterDate); it has no `days` option.
    const made = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
      keySize: 2048,
      algorithm: "sha256",
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: "basicConstraints", cA: false, critical: true },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
          ],
        },
      ],
    });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(keyFile, made.private, { mode: 0o600 });
    fs.writeFileSync(certFile, made.cert);
    notAfter = new Date(new X509Certificate(made.cert).validTo);
  } else {
    log(`dùng chứng chỉ có sẵn, hạn đến ${notAfter.toISOString().slice(0, 10)} (reusing the certificate)`);
  }
  return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile), keyFile, certFile, notAfter, made: !status.usable };
}

module.exports = { CERT_DAYS, RENEW_DAYS, certificatePaths, certificateStatus, localCertificate };
