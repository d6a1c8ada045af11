// Excel on Windows and macOS for `npm start` / `npm stop`: the certificate trusted through
// office-addin-dev-certs and the add-in sideloaded through office-addin-debugging. Both are loaded
// only there, lazily; where they are absent or fail, `npm start` serves with its own self-signed
// certificate and prints the steps to sideload by hand, as on Linux.

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/** Platforms with a desktop Excel that the Office tools can sideload into. */
const OFFICE_PLATFORMS = ["win32", "darwin"];
const DEV_CERTS = "office-addin-dev-certs";
const DEBUGGING = "office-addin-debugging";

function isInstalled(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * What `npm start` does on `platform`: pure but for `installed(name)`, which it asks only on Windows
 * and macOS. `options.sideload === false` (--no-sideload) and `options.selfSigned` (--self-signed)
 * keep the Linux behaviour there too.
 */
function plan(platform, installed = isInstalled, options = {}) {
  if (!OFFICE_PLATFORMS.includes(platform)) return { office: false, certificate: "self-signed", sideload: "manual", missing: [] };
  const wantCerts = !options.selfSigned;
  const wantSideload = options.sideload !== false;
  const devCerts = wantCerts && installed(DEV_CERTS);
  const debugging = wantSideload && installed(DEBUGGING);
  const missing = [...(wantCerts && !devCerts ? [DEV_CERTS] : []), ...(wantSideload && !debugging ? [DEBUGGING] : [])];
  return {
    office: true,
    certificate: devCerts ? DEV_CERTS : "self-signed",
    sideload: debugging ? DEBUGGING : "manual",
    missing,
  };
}

/** The development certificate of office-addin-dev-certs, its CA installed as trusted (it may ask once). */
async function officeCertificate() {
  const devCerts = require(DEV_CERTS);
  const options = await devCerts.getHttpsServerOptions();
  return {
    key: options.key,
    cert: options.cert,
    ca: options.ca,
    certFile: path.join(os.homedir(), ".office-addin-dev-certs", "localhost.crt"),
  };
}

/** Sideloads the manifest into desktop Excel and opens it (no debugger, no dev server: the caller serves). */
async function sideload(manifest) {
  const debugging = require(DEBUGGING);
  await debugging.startDebugging(manifest, {
    appType: debugging.AppType ? debugging.AppType.Desktop : "desktop",
    app: "excel",
    enableDebugging: false,
    enableLiveReload: false,
    enableSideload: true,
  });
}

/** Undoes sideload(): unregisters the add-in (and clears its developer settings on Windows). */
async function unsideload(manifest) {
  if (!fs.existsSync(manifest)) throw new Error(`không thấy manifest ${manifest}`);
  await require(DEBUGGING).stopDebugging(manifest);
}

module.exports = { OFFICE_PLATFORMS, DEV_CERTS, DEBUGGING, isInstalled, plan, officeCertificate, sideload, unsideload };
