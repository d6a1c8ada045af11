// Reads an add-in manifest with office-addin-manifest (the package Office's own tooling uses) and
// prints what it understood as JSON: its summary, the Office apps of its hosts and the parsed XML.
// Run as a child process: the package's dependencies are ES modules, which Jest cannot require.
"use strict";
const { OfficeAddinManifest, getOfficeAppsForManifestHosts } = require("office-addin-manifest");
const { ManifestHandlerXml } = require("office-addin-manifest/lib/manifestHandler/manifestHandlerXml");

async function main(file) {
  const info = await OfficeAddinManifest.readManifestFile(file);
  const xml = await new ManifestHandlerXml(file).parseXmlAsync();
  process.stdout.write(JSON.stringify({ info, apps: getOfficeAppsForManifestHosts(info.hosts), xml }));
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
