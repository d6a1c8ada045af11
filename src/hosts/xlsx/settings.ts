// What the task pane saved in a workbook: Office keeps an add-in's document settings in a web
// extension part (`xl/webextensions/webextension1.xml`), one `<we:property>` per setting, its value
// the setting serialised as JSON. The command line reads the pane's ignores from there, so that a
// finding an official set aside with a reason stays set aside in a batch check.

import { parseIgnores, type Ignore } from "../../core/model/ignores";
import type { WorkbookSnapshot } from "../../core/model/snapshot";
import { packageRefusal, readWorkbook } from "./readWorkbook";
import { IGNORES_SETTING } from "../host";
import { END, OPEN, XmlReader } from "./xml";
import { ZipArchive } from "./zip";

/** A setting's value as Office stores it: JSON, sometimes a JSON string holding JSON. */
function settingValue(text: string): unknown {
  let value: unknown = JSON.parse(text);
  if (typeof value === "string" && /^\s*[[{]/.test(value)) value = JSON.parse(value);
  return value;
}

/** The ignores saved in a workbook's add-in settings; none when it has none or they cannot be read. */
export async function readSavedIgnores(bytes: Uint8Array): Promise<Ignore[]> {
  const zip = new ZipArchive(bytes);
  const found: Ignore[] = [];
  for (const name of zip.names().filter((n) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(n))) {
    let text: string | null;
    try {
      text = await zip.text(name);
    } catch (error) {
      // A damaged or unsafe part refuses the file, as in any other part.
      throw packageRefusal(error);
    }
    const reader = new XmlReader(text ?? "");
    for (let event = reader.next(); event !== END; event = reader.next()) {
      if (event !== OPEN || reader.name !== "property" || reader.attr("name") !== IGNORES_SETTING) continue;
      try {
        found.push(...parseIgnores(settingValue(reader.attr("value") ?? "")));
      } catch {
        // A value that is not JSON is no ignore.
      }
    }
  }
  return found;
}

/** A workbook file as every host opens it: its sheets, and the ignores the pane saved in it. */
export async function readWorkbookWithIgnores(bytes: Uint8Array): Promise<{ snapshot: WorkbookSnapshot; ignores: Ignore[] }> {
  const snapshot = await readWorkbook(bytes);
  return { snapshot, ignores: await readSavedIgnores(bytes) };
}
