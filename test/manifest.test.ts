// manifest.xml read with office-addin-manifest, the package Office's own tooling uses: what it must
// say (id, version, Excel, permissions, requirement set, https URLs inside the app domains, resids,
// icons), then the XSD of the Office add-in manifest schemas when a copy of them is at hand.
import * as path from "node:path";
import { expectShippable, manifestSchema, readManifest, xsdErrors } from "./helpers/manifest";

const root = path.join(__dirname, "..");
const manifestPath = path.join(root, "manifest.xml");

describe("manifest.xml", () => {
  it("holds what Office needs, read by office-addin-manifest", () => {
    expectShippable(manifestPath, "https://localhost:3000/", root);
  });

  it("has Vietnamese display strings with an English override", () => {
    const { info, xml } = readManifest(manifestPath);
    expect(info).toMatchObject({ defaultLocale: "vi-VN", displayName: "Chỉ tiêu KT-XH" });
    const displayName = (xml.OfficeApp.DisplayName as Array<{ Override: Array<{ $: Record<string, string> }> }>)[0];
    expect(displayName.Override.map((o) => o.$.Locale)).toEqual(["en-US"]);
  });
});

const schema = manifestSchema();

(schema ? describe : describe.skip)("manifest.xml against the Office add-in manifest schema", () => {
  it("is valid (xmllint)", () => {
    expect(xsdErrors(schema!, manifestPath)).toBe("");
  });
});
