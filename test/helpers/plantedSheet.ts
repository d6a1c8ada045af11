// The part-year sheet of the narrative cases with a stated TH/KH its figures do not give (G4: 52
// where 7.966/18.029 = 44,18): one error, beside the warnings and notes the rest of it gives.
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { PART_YEAR_ROWS } from "../fill/narrativeCases";
import { sheet } from "./grid";

export function plantedPartYear(): WorkbookSnapshot {
  const rows = PART_YEAR_ROWS.map((r) => [...r]);
  rows[2].push("TH/KH (%)");
  rows[3].push("52,0");
  return { sheets: [sheet("Biểu 01", rows)] };
}
