// The add-in manifest as office-addin-manifest reads it, and the facts every manifest we ship must
// hold: the source manifest.xml and the one the build rewrites for its host alike.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");

interface XmlNode {
  $?: Record<string, string>;
  [child: string]: unknown;
}

export interface ManifestReading {
  info: {
    id: string;
    version: string;
    hosts: string[];
    permissions: string;
    appDomains: string[];
    supportUrl: string;
    iconUrl: string;
    highResolutionIconUrl: string;
    defaultSettings: { sourceLocation: string };
  };
  apps: string[];
  xml: { OfficeApp: XmlNode };
}

export function readManifest(file: string): ManifestReading {
  const out = execFileSync(process.execPath, [path.join(__dirname, "readManifest.js"), file], { cwd: root, encoding: "utf8" });
  return JSON.parse(out) as ManifestReading;
}

/** Every element of the parsed tree with its tag, depth first. */
function* elements(tag: string, node: XmlNode): Generator<[string, XmlNode]> {
  yield [tag, node];
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    for (const child of value) if (child && typeof child === "object") yield* elements(key, child as XmlNode);
  }
}

export interface ManifestFacts {
  urls: string[];
  residsUsed: Set<string>;
  residsDefined: Set<string>;
  images: Array<{ id: string; url: string; size: number }>;
  requirementSets: Array<{ name: string; minVersion: string }>;
  learnMoreUrl: string | undefined;
}

export function manifestFacts(reading: ManifestReading): ManifestFacts {
  const facts: ManifestFacts = {
    urls: [],
    residsUsed: new Set(),
    residsDefined: new Set(),
    images: [],
    requirementSets: [],
    learnMoreUrl: undefined,
  };
  const urlIds = new Map<string, string>();
  let learnMoreResid: string | undefined;
  for (const [tag, node] of elements("OfficeApp", reading.xml.OfficeApp)) {
    const attrs = node.$ ?? {};
    for (const [name, value] of Object.entries(attrs)) {
      // Namespace declarations are names, not addresses the add-in loads.
      if (!name.startsWith("xmlns") && /^[a-z][\w+.-]*:\/\//i.test(value)) facts.urls.push(value);
    }
    if (attrs.resid) facts.residsUsed.add(attrs.resid);
    if (/^bt:(Image|Url|String)$/.test(tag) && attrs.id) facts.residsDefined.add(attrs.id);
    if (tag === "bt:Image" && attrs.id && attrs.DefaultValue)
      facts.images.push({ id: attrs.id, url: attrs.DefaultValue, size: Number(/(\d+)x\1$/.exec(attrs.id)?.[1]) });
    if (tag === "bt:Url" && attrs.id) urlIds.set(attrs.id, attrs.DefaultValue);
    if (tag === "Set" && attrs.Name) facts.requirementSets.push({ name: attrs.Name, minVersion: attrs.MinVersion });
    if (tag === "LearnMoreUrl") learnMoreResid = attrs.resid;
  }
  facts.urls.push(...reading.info.appDomains);
  facts.learnMoreUrl = learnMoreResid ? urlIds.get(learnMoreResid) : undefined;
  return facts;
}

export function pngSize(file: string): [number, number] {
  const png = fs.readFileSync(file);
  if (png.subarray(1, 4).toString("ascii") !== "PNG") throw new Error(`${file} is not a PNG`);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/**
 * What a manifest we ship must say, whichever host serves the pane: `baseUrl` is where the pane is
 * served from and `folder` the folder that URL serves (the repository for manifest.xml, dist/ for a build).
 */
export function expectShippable(file: string, baseUrl: string, folder: string): ManifestReading {
  const reading = readManifest(file);
  const { info } = reading;
  const facts = manifestFacts(reading);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  const local = (url: string) => {
    expect(url.startsWith(baseUrl)).toBe(true);
    return path.join(folder, url.slice(baseUrl.length));
  };

  expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(info.version).toBe(`${pkg.version}.0`);
  expect(reading.apps).toEqual(["excel"]);
  expect(info.permissions).toBe("ReadWriteDocument");
  expect(facts.requirementSets).toEqual([{ name: "ExcelApi", minVersion: "1.7" }]);

  // Every URL is https and on a domain the manifest declares.
  expect(info.appDomains).toEqual([new URL(baseUrl).origin]);
  expect(facts.urls.length).toBeGreaterThan(8);
  for (const url of facts.urls) {
    expect(url).toMatch(/^https:\/\//);
    expect(info.appDomains).toContain(new URL(url).origin);
  }

  expect([...facts.residsUsed].filter((id) => !facts.residsDefined.has(id))).toEqual([]);
  expect([...facts.residsDefined].filter((id) => !facts.residsUsed.has(id))).toEqual([]);

  expect(facts.images.map((i) => i.size).sort((a, b) => a - b)).toEqual([16, 32, 80]);
  for (const image of facts.images) expect(pngSize(local(image.url))).toEqual([image.size, image.size]);
  expect(pngSize(local(info.iconUrl))).toEqual([32, 32]);
  expect(pngSize(local(info.highResolutionIconUrl))).toEqual([64, 64]);

  expect(info.defaultSettings.sourceLocation).toBe(`${baseUrl}taskpane.html`);
  expect(info.supportUrl).toBe(`${baseUrl}help.html`);
  expect(facts.learnMoreUrl).toBe(`${baseUrl}help.html`);
  return reading;
}

/**
 * The Office add-in manifest schema, when a copy is at hand: the schemas are not part of the
 * repository, and `.ci/run` points OFFICE_MANIFEST_SCHEMAS at them. Says once why it is missing.
 */
export function manifestSchema(): string | null {
  const dir = process.env.OFFICE_MANIFEST_SCHEMAS;
  const file = dir ? path.join(dir, "OfficeAppManifestV1_1.xsd") : "";
  if (file && fs.existsSync(file)) return file;
  process.stderr.write(
    "Bỏ qua kiểm tra XSD của manifest: đặt OFFICE_MANIFEST_SCHEMAS là thư mục chứa OfficeAppManifestV1_1.xsd " +
      "(manifest XSD check skipped: set OFFICE_MANIFEST_SCHEMAS to the folder of the Office manifest schemas)\n",
  );
  return null;
}

/** xmllint's verdict on a manifest against the schema: "" when valid. */
export function xsdErrors(schema: string, file: string): string {
  return execFileSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8", stdio: "pipe" });
}
