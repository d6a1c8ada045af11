// manifest.xml, checked offline: the XSD of shared/office-manifest-schemas (xmllint), then what
// the schema cannot see: every resid defined, https URLs only, icons present at their pixel size.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..");
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");
const schema = path.join(root, "..", "shared", "office-manifest-schemas", "OfficeAppManifestV1_1.xsd");

function pngSize(file: string): [number, number] {
  const png = fs.readFileSync(file);
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  it("is valid against the Office add-in manifest schema", () => {
    const out = execFileSync("xmllint", ["--noout", "--schema", schema, manifestPath], { encoding: "utf8", stdio: "pipe" });
    expect(out).toBe("");
  });

  it("defines every resid it uses, and uses every one it defines", () => {
    const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].filter((r) => !defined.has(r))).toEqual([]);
    expect([...defined].filter((r) => !used.has(r))).toEqual([]);
  });

  it("uses https for every URL and asks for no more than ReadWriteDocument", () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)]
      .map((m) => m[1])
      .concat([...manifest.matchAll(/<AppDomain>([^<]+)</g)].map((m) => m[1]));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
  });

  it("points to icons that exist at the size each use needs", () => {
    const images = Object.fromEntries(
      [...manifest.matchAll(/<bt:Image id="([^"]+)" DefaultValue="[^"]*\/(assets\/[^"]+)"/g)].map((m) => [m[1], m[2]]),
    );
    for (const [id, file] of Object.entries(images)) {
      const size = Number(/(\d+)x\1/.exec(id)?.[1]);
      expect(pngSize(path.join(root, file))).toEqual([size, size]);
    }
    expect(pngSize(path.join(root, /<IconUrl DefaultValue="[^"]*\/(assets\/[^"]+)"/.exec(manifest)![1]))).toEqual([32, 32]);
    expect(pngSize(path.join(root, /<HighResolutionIconUrl DefaultValue="[^"]*\/(assets\/[^"]+)"/.exec(manifest)![1]))).toEqual([64, 64]);
  });

  it("has Vietnamese display strings with an English override", () => {
    expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="Chỉ tiêu KT-XH">\s*<Override Locale="en-US"/);
  });
});
