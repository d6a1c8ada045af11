// LibreOffice's settings that make it recalculate every formula of a workbook it opens (by default
// it keeps the results stored in an .xlsx): written into an isolated profile by the tests and by
// tools/realworld.js --fill, so that what they compare is what a spreadsheet application computes.
"use strict";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Writes a LibreOffice profile that recalculates on load into `profile`; returns its -env argument. */
function recalcProfile(profile) {
  const fs = require("node:fs");
  const path = require("node:path");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return `-env:UserInstallation=file://${profile}`;
}

module.exports = { recalcProfile };
