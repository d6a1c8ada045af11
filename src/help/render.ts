// The help page (dist/help.html), Vietnamese first and English second: installing the add-in, the
// pane's tabs, the command line, and how to read each finding, one section per rule with the anchor
// #rule-<id>. The rule sections come from the rule records (RULES), sheet and text rules alike, so
// that the page lists every rule the code has. Rendered at build time into a
// static page: no script, no request beyond its own stylesheet and icon; every text is escaped.

import type { Severity } from "../core/model/findings";
import { BUILT_IN_TEMPLATES } from "../core/fill";
import { RULES, type RuleRecord } from "../core/rules";
import { STRINGS } from "../taskpane/strings";
import { RULE_GUIDE, type RuleGuide } from "./guide";

export type { RuleRecord } from "../core/rules";

/** The anchor of a rule's section: help.html#rule-base-year. */
export const ruleAnchor = (id: string): string => `rule-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Escaped text in which `code` becomes <code>, **strong** <strong> and [text](#anchor) a link within
 * the page (the markup is applied after escaping, so it cannot inject any).
 */
function md(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\((#[\w-]+)\)/g, '<a href="$2">$1</a>');
}

const p = (text: string) => `<p>${md(text)}</p>`;
const ul = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${md(i)}</li>`).join("")}</ul>`;
const ol = (items: readonly string[]) => `<ol>${items.map((i) => `<li>${md(i)}</li>`).join("")}</ol>`;
const pre = (text: string) => `<pre><code>${escapeHtml(text)}</code></pre>`;
const section = (id: string, level: 2 | 3 | 4, title: string, body: string) =>
  `<section id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h"><h${level} id="${escapeHtml(id)}-h">${md(title)}</h${level}>${body}</section>`;

const SEVERITY_EN: Record<Severity, string> = { error: STRINGS.en.error, warning: STRINGS.en.warning, info: STRINGS.en.info };
const SEVERITY_VI: Record<Severity, string> = { error: STRINGS.vi.error, warning: STRINGS.vi.warning, info: STRINGS.vi.info };

function badge(severity: Severity, lang: "vi" | "en" | "both"): string {
  const text =
    lang === "vi" ? SEVERITY_VI[severity] : lang === "en" ? SEVERITY_EN[severity] : `${SEVERITY_VI[severity]} · ${SEVERITY_EN[severity]}`;
  return `<span class="badge ${escapeHtml(severity)}">${escapeHtml(text)}</span>`;
}

function ruleIndex(rules: readonly RuleRecord[], lang: "vi" | "en"): string {
  const rows = rules
    .map(
      (r) =>
        `<tr><td><a href="#${escapeHtml(ruleAnchor(r.id))}"><code>${escapeHtml(r.id)}</code></a></td><td>${escapeHtml(lang === "vi" ? r.name : r.nameEn)}</td><td>${badge(r.severity, lang)}</td></tr>`,
    )
    .join("");
  const head = lang === "vi" ? ["Quy tắc", "Tên", "Mức"] : ["Rule", "Name", "Severity"];
  return `<div class="table"><table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

const SCOPE_VI = {
  sheet: "Bảng tính",
  text: "Lời văn",
  both: "Bảng tính và lời văn",
  periods: "Giữa các báo cáo (chitieu compare, consolidate)",
} as const;
const SCOPE_EN = {
  sheet: "sheets",
  text: "text",
  both: "sheets and text",
  periods: "across reports (chitieu compare, consolidate)",
} as const;

function ruleSection(rule: RuleRecord, guide: RuleGuide | undefined): string {
  const anchor = ruleAnchor(rule.id);
  const scopeVi = SCOPE_VI[rule.scope];
  const scopeEn = SCOPE_EN[rule.scope];
  const descriptionEn = rule.descriptionEn;
  return [
    `<section class="rule" id="${escapeHtml(anchor)}" aria-labelledby="${escapeHtml(anchor)}-h">`,
    `<h3 id="${escapeHtml(anchor)}-h"><a class="id" href="#${escapeHtml(anchor)}"><code>${escapeHtml(rule.id)}</code></a> ${escapeHtml(rule.name)}</h3>`,
    `<p class="meta">${badge(rule.severity, "both")} <span>${escapeHtml(scopeVi)} · <span lang="en">${escapeHtml(scopeEn)}</span></span></p>`,
    `<div class="vi">`,
    `<p>${escapeHtml(rule.description)}</p>`,
    guide ? `<p><strong>Cách xử lý:</strong> ${escapeHtml(guide.todo)}</p>` : "",
    `</div>`,
    `<div class="en" lang="en">`,
    `<p><strong>${escapeHtml(rule.nameEn)}.</strong> ${descriptionEn ? escapeHtml(descriptionEn) : ""}</p>`,
    guide ? `<p><strong>What to do:</strong> ${escapeHtml(guide.todoEn)}</p>` : "",
    `</div>`,
    `</section>`,
  ].join("");
}

const CLI = `npx chitieu check bao-cao.xlsx                       # bảng đọc được / readable table
npx chitieu check bao-cao.xlsx --json                # JSON
npx chitieu check bao-cao.xlsx --year 2021 --sheet "Biểu 01"
npx chitieu check bao-cao.xlsx --catalogue danh-muc.json --config quy-tac.json
npx chitieu check nop-bao-cao/ --report tong-hop.xlsx # cả thư mục, bảng tổng hợp / a folder, a summary workbook
npx chitieu check "nop-bao-cao/**/*.xlsx" --format csv > phat-hien.csv
npx chitieu check-text bao-cao.txt --workbook bao-cao.xlsx
npx chitieu check-text bao-cao.docx --config quy-tac.json
npx chitieu compare 9-thang-2021.xlsx 6-thang-2021.xlsx 9-thang-2020.xlsx # so với kỳ trước / against earlier reports
npx chitieu compare 6t-2026.xlsx tinh-cu-1.xlsx tinh-cu-2.xlsx --units don-vi.json # tỉnh hợp nhất / a merged province
npx chitieu consolidate bao-cao-xa/ --template bieu-tinh.xlsx --out tong-hop.xlsx --weights trong-so.json # tổng hợp / consolidate
npx chitieu rules                                    # các quy tắc / the rules
npx chitieu fill bao-cao.xlsx --template bieu-chi-tieu --out bieu.xlsx
npx chitieu fill bao-cao.xlsx --template bao-cao --out loi-van.xlsx
npx chitieu templates                                # các mẫu / the templates`;

const CONFIG = `{
  "defaults": { "planPercentMax": 250 },
  "byIndicator": { "state-budget-revenue": { "growthBand": [-40, 80] } },
  "disabled": ["plan-outlier"]
}`;

const WEF = "~/Library/Containers/com.microsoft.Excel/Data/Documents/wef";

function vietnamese(rules: readonly RuleRecord[]): string {
  const s = STRINGS.vi;
  const templates = BUILT_IN_TEMPLATES.map((t) => `\`${t.id}\`: ${t.name} (${t.description}).`);
  return [
    `<section id="vi" lang="vi" aria-labelledby="vi-h"><h2 id="vi-h">Hướng dẫn</h2>`,
    section(
      "cai-dat",
      3,
      "Cài đặt",
      [
        p(
          "Cần Excel trên Windows hoặc Mac (Microsoft 365, Excel 2016 trở lên, hỗ trợ ExcelApi 1.7) hoặc Excel trên web. Add-in gồm ngăn tác vụ (một trang web) và tệp **manifest** cho Excel biết trang đó ở đâu.",
        ),
        p(
          "Tệp manifest là `dist/manifest.xml`, tạo ra bởi `npm start` (ngăn tác vụ chạy tại https://localhost:3000) hoặc `npm run build` (với `HOST_URL=https://… npm run build`, ngăn tác vụ chạy từ máy chủ của đơn vị). `npm start` in đường dẫn manifest khi khởi động.",
        ),
        section(
          "cai-dat-windows",
          4,
          "Excel trên Windows",
          ol([
            "Tự động: `npm start` tin cậy chứng chỉ bằng office-addin-dev-certs và nạp add-in vào Excel bằng office-addin-debugging (cài thêm bằng `npm install --no-save office-addin-debugging`); `npm stop` gỡ ra.",
            "Thủ công: chép manifest vào một thư mục chia sẻ (ví dụ `\\\\may-tinh\\addins`). Trong Excel: Tệp › Tuỳ chọn › Trung tâm Tin cậy › Thiết đặt Trung tâm Tin cậy › Danh mục Bổ trợ Tin cậy: thêm đường dẫn thư mục, chọn Hiện trong Menu, đóng và mở lại Excel.",
            "Trang đầu › Bổ trợ › Bổ trợ khác › THƯ MỤC DÙNG CHUNG › Chỉ tiêu KT-XH › Thêm.",
          ]),
        ),
        section(
          "cai-dat-mac",
          4,
          "Excel trên Mac",
          ol([
            "Tự động: như trên Windows, `npm start` rồi `npm stop`.",
            `Thủ công: chép manifest.xml vào thư mục \`${WEF}\` (tạo thư mục wef nếu chưa có), đóng và mở lại Excel.`,
            "Trang đầu › Bổ trợ (hoặc Chèn › Bổ trợ của tôi) › Chỉ tiêu KT-XH.",
          ]),
        ),
        section(
          "cai-dat-web",
          4,
          "Excel trên web",
          ol([
            "Mở trước https://localhost:3000/taskpane.html trong cùng trình duyệt và chấp nhận chứng chỉ (chỉ khi chạy bằng `npm start`).",
            "Mở một bảng tính trên Excel cho web: Trang đầu › Bổ trợ › Bổ trợ khác › Tải lên Bổ trợ của tôi (Upload My Add-in) › chọn manifest.xml › Tải lên.",
          ]),
        ),
        p(
          "Chứng chỉ: trên Linux (hoặc khi office-addin-dev-certs không dùng được), `npm start` tự tạo chứng chỉ tự ký cho localhost trong `~/.chitieu/certs` (hạn 30 ngày, tự làm mới), không cài gì vào hệ thống và không cần sudo; trình duyệt hoặc Excel hỏi một lần để tin cậy. Trên Windows và Mac, office-addin-dev-certs cài một CA phát triển vào kho tin cậy của người dùng.",
        ),
        p(
          `Mở ngăn tác vụ: Trang đầu › nhóm ${s.title} › Kiểm tra chỉ tiêu. Gỡ add-in: \`npm stop\`, hoặc xoá manifest khỏi thư mục wef hay thư mục chia sẻ; trên web: Bổ trợ của tôi › … › Xoá.`,
        ),
      ].join(""),
    ),
    section(
      "su-dung",
      3,
      "Sử dụng ngăn tác vụ",
      [
        p(
          `Năm báo cáo và kỳ báo cáo được điền sẵn từ bảng tính; sửa lại nếu cần. Ngăn tác vụ dùng tiếng Việt, tiếng Anh khi ngôn ngữ hiển thị của Office là tiếng Anh hoặc bấm nút “${s.language}”; sáng hay tối theo giao diện Office (Excel trên web và chế độ độc lập: theo hệ điều hành). Việc đọc và kiểm tra chạy ở luồng riêng: với bảng tính lớn, thanh tiến độ cho biết đã kiểm tra đến trang nào, và “${s.cancel}” dừng lại. Khi có lỗi (trang bị khoá, không có biểu chỉ tiêu, Excel quá cũ), thông báo nói điều gì đã xảy ra và cần làm gì.`,
        ),
        section(
          "the-kiem-tra",
          4,
          `Thẻ ${s.tabCheck}`,
          ul([
            `Bấm “${s.runCheck}”. Kết quả nhóm theo trang và theo mức (${s.error}, ${s.warning}, ${s.info}), có số đếm và bộ lọc theo mức; dòng đếm nói đang hiển thị bao nhiêu trong tổng số. Bộ lọc và kết quả đang xem được giữ khi chuyển thẻ.`,
            `Bấm một kết quả để chọn ô đó trong Excel; “${s.previous}” và “${s.next}” đi qua từng kết quả. “${s.why}” giải thích quy tắc bằng chính số liệu của kết quả, cùng lời khuyên như ở phần [các quy tắc](#rules).`,
            `“${s.ignore}” bỏ qua một kết quả với lý do bắt buộc (và tên người quyết định, nếu muốn), lưu trong bảng tính: lần kiểm tra sau và người kiểm tra sau đều thấy. Mục “Đã bỏ qua” liệt kê chúng với lý do, người và ngày; “${s.restore}” đưa một kết quả trở lại.`,
            `“${s.markCells}” tô các ô có vấn đề bằng định dạng có điều kiện, mỗi ô theo mức nặng nhất của nó (${s.legend.toLowerCase()}: đỏ nhạt là ${s.error.toLowerCase()}, vàng là ${s.warning.toLowerCase()}, xanh nhạt là ${s.info.toLowerCase()}); “${s.clearMarks}” gỡ các dấu đó mà không đụng định dạng của bạn. “${s.exportFindings}” ghi danh sách kết quả ra một trang. Mỗi việc làm xong đều có thông báo.`,
            "Ý nghĩa từng loại kết quả: xem [Đọc kết quả kiểm tra](#doc-ket-qua) và [các quy tắc](#rules).",
          ]),
        ),
        section(
          "the-chi-tieu",
          4,
          `Thẻ ${s.tabIndicators}`,
          ul([
            `Bảng các chỉ tiêu đã tính: ${s.colPlanPercent}, so với cùng kỳ (chỉ số, hoặc điểm phần trăm với chỉ tiêu tỷ lệ), ${s.colEvaluation}.`,
            `“${s.writeColumns}” ghi cột TH/KH và TH/CK bằng công thức vào các cột bạn chọn, không bao giờ vào cột chứa số liệu của chỉ tiêu; ô đã có nội dung chỉ bị ghi đè khi bạn chọn lần hai (“${s.overwriteYes}”, kèm danh sách ô và nội dung sẽ mất; mặc định là “${s.onlyEmpty}”).`,
            `Ctrl+Z của Excel không hoàn tác được những gì chitieu ghi: sau mỗi lần ghi, nút “${s.undo}” trả các ô về như trước và bỏ các trang vừa tạo.`,
          ]),
        ),
        section(
          "the-bao-cao",
          4,
          `Thẻ ${s.tabReport}`,
          ul([
            `Chọn một mẫu có sẵn hoặc một trang mẫu của bảng tính; “${s.preview}” xem lời văn; “${s.generate}” tạo trang mới; “${s.copyText}” chép lời văn để dán vào văn bản.`,
            ...templates,
            "Mẫu có lỗi thì không tạo gì, và các lỗi được liệt kê.",
          ]),
        ),
        section(
          "the-loi-van",
          4,
          `Thẻ ${s.tabText}`,
          ul([
            `Dán phần lời văn của báo cáo (hoặc, trong Excel, chọn các ô chứa lời văn rồi bấm “${s.fromSelection}”), rồi bấm “${s.checkText}”.`,
            "Lời văn được kiểm tra bằng cùng các quy tắc như lệnh `chitieu check-text`, đối chiếu với bảng tính đang mở: mỗi kết quả nêu đoạn và câu, trích chữ có vấn đề, và khi liên quan đến một chỉ tiêu thì có nút đến ô của chỉ tiêu đó.",
          ]),
        ),
        section(
          "the-ky-truoc",
          4,
          `Thẻ ${s.tabCompare}`,
          ul([
            `Sau khi Kiểm tra, “${s.chooseEarlier}” chọn một hay nhiều báo cáo trước (tệp .xlsx, đọc ngay trong máy, không gửi đi đâu): báo cáo 6 tháng khi đang làm báo cáo 9 tháng, báo cáo cùng kỳ năm trước.`,
            "Mỗi báo cáo được xếp là kỳ trước của cùng năm, cùng kỳ năm trước, hay ước cả năm trước; các vấn đề giữa các báo cáo (số cộng dồn giảm, kế hoạch đổi, số cùng kỳ khác số đã công bố, ước cả năm đổi nhiều) nêu cả hai ô, có nút đến ô của báo cáo đang mở.",
            `Mục “Các chỉ tiêu đã ghép” cho biết chỉ tiêu nào được so với chỉ tiêu nào: “${s.unpair}” bỏ một cặp ghép sai; chọn hai chỉ tiêu rồi bấm “${s.pair}” để ghép tay một chỉ tiêu đổi tên. Kết quả được so lại ngay, và sau mỗi lần Kiểm tra.`,
          ]),
        ),
        section(
          "che-do-doc-lap",
          4,
          "Chế độ độc lập (ngoài Excel)",
          ul([
            "Mở https://localhost:3000/taskpane.html bằng trình duyệt, không cần Excel.",
            `“${s.chooseFile}” mở một tệp .xlsx, hiện ở dạng bảng chỉ đọc (“${s.hideGrid}” thu gọn bảng); kiểm tra, chỉ tiêu và báo cáo chạy ngay trong trình duyệt, tệp không được gửi đi đâu.`,
            `“${s.download}” tải bảng tính kết quả về. Các kết quả đã bỏ qua trong Excel (lưu trong tệp) được đọc cùng tệp; những kết quả bỏ qua ở đây chỉ giữ khi tệp còn mở.`,
          ]),
        ),
      ].join(""),
    ),
    section(
      "dong-lenh",
      3,
      "Dòng lệnh",
      [
        p("Cùng các quy tắc đó chạy trên tệp .xlsx và văn bản, không cần Excel:"),
        pre(CLI),
        p(
          "Nhiều tệp, thư mục hoặc mẫu tên tệp được kiểm tra trong một lệnh: tệp không dùng được được báo kèm lý do, các tệp khác vẫn được kiểm tra; các phát hiện đã “Bỏ qua” trong ngăn tác vụ được báo là đã bỏ qua, kèm lý do. Mã thoát: 0 không có lỗi, 1 có ít nhất một lỗi, 2 đầu vào không dùng được (thiếu tệp, tệp hỏng hoặc có mật khẩu, không có biểu chỉ tiêu; trong một lô: ít nhất một tệp như thế), kèm một dòng trên stderr; 3 lỗi nội bộ của chitieu. Tệp cấu hình (`--config`) đổi ngưỡng theo chỉ tiêu và tắt quy tắc:",
        ),
        pre(CONFIG),
      ].join(""),
    ),
    section(
      "doc-ket-qua",
      3,
      "Đọc kết quả kiểm tra",
      [
        ul([
          `**${s.error}**: số liệu hoặc cách ghi sai, cần sửa trước khi nộp. **${s.warning}**: có thể sai hoặc chưa đúng quy cách, cần xem lại. **${s.info}**: để biết.`,
          "Mỗi kết quả nêu trang và ô (với lời văn: dòng và cột), quy tắc, và các con số liên quan: con số ghi, con số tính được, phép tính.",
          "Một kết quả đúng là cố ý? Dùng “Bỏ qua…” với lý do, hoặc đổi ngưỡng, tắt quy tắc trong tệp cấu hình.",
          "Mức ghi dưới đây là mức thường gặp; một số quy tắc hạ mức cho trường hợp nhẹ (ví dụ số nhập dạng chữ chỉ là Lưu ý).",
        ]),
        ruleIndex(rules, "vi"),
      ].join(""),
    ),
    `</section>`,
  ].join("");
}

function english(rules: readonly RuleRecord[]): string {
  const s = STRINGS.en;
  const templates = BUILT_IN_TEMPLATES.map((t) => `\`${t.id}\`: ${t.nameEn} (${t.descriptionEn}).`);
  return [
    `<section id="en" lang="en" aria-labelledby="en-h"><h2 id="en-h">Help (English)</h2>`,
    section(
      "install",
      3,
      "Installing",
      [
        p(
          "You need Excel on Windows or Mac (Microsoft 365, Excel 2016 or later, with ExcelApi 1.7) or Excel on the web. The add-in is the task pane (a web page) and a **manifest** that tells Excel where the page is.",
        ),
        p(
          "The manifest is `dist/manifest.xml`, made by `npm start` (the pane served at https://localhost:3000) or `npm run build` (with `HOST_URL=https://… npm run build`, the pane served from your organisation's server). `npm start` prints its path.",
        ),
        section(
          "install-windows",
          4,
          "Excel on Windows",
          ol([
            "Automatically: `npm start` trusts its certificate through office-addin-dev-certs and sideloads the add-in through office-addin-debugging (add it with `npm install --no-save office-addin-debugging`); `npm stop` removes it.",
            "By hand: copy the manifest into a shared folder (such as `\\\\computer\\addins`). In Excel: File › Options › Trust Center › Trust Center Settings › Trusted Add-in Catalogs: add the folder, tick Show in Menu, restart Excel.",
            "Home › Add-ins › More Add-ins › SHARED FOLDER › Chỉ tiêu KT-XH › Add.",
          ]),
        ),
        section(
          "install-mac",
          4,
          "Excel on Mac",
          ol([
            "Automatically: as on Windows, `npm start` then `npm stop`.",
            `By hand: copy manifest.xml into \`${WEF}\` (create the wef folder if needed) and restart Excel.`,
            "Home › Add-ins (or Insert › My Add-ins) › Chỉ tiêu KT-XH.",
          ]),
        ),
        section(
          "install-web",
          4,
          "Excel on the web",
          ol([
            "First open https://localhost:3000/taskpane.html in the same browser and accept its certificate (only when served by `npm start`).",
            "Open a workbook in Excel for the web: Home › Add-ins › More Add-ins › Upload My Add-in › choose manifest.xml › Upload.",
          ]),
        ),
        p(
          "Certificate: on Linux (or where office-addin-dev-certs cannot be used), `npm start` makes a self-signed certificate for localhost in `~/.chitieu/certs` (valid 30 days, renewed by itself); nothing is installed system-wide and no sudo is needed; the browser or Excel asks once to trust it. On Windows and Mac, office-addin-dev-certs installs a development CA in the user's trust store.",
        ),
        p(
          `Open the pane: Home › ${STRINGS.vi.title} group › Check indicators. Remove the add-in: \`npm stop\`, or delete the manifest from the wef or shared folder; on the web: My Add-ins › … › Remove.`,
        ),
      ].join(""),
    ),
    section(
      "use",
      3,
      "Using the task pane",
      [
        p(
          `The report year and period are filled in from the workbook; change them if needed. The pane speaks Vietnamese; English when Office's display language is English, or with the “${STRINGS.vi.language}” button; light or dark with Office's theme (Excel on the web and standalone mode: with the system's). Reading and checking run on a thread of their own: on a large workbook a progress bar tells which sheet is being checked, and “${STRINGS.vi.cancel}” (${s.cancel}) stops. When something fails (a protected sheet, no indicator sheet, an Excel too old), the message says what happened and what to do.`,
        ),
        section(
          "tab-check",
          4,
          `${STRINGS.vi.tabCheck} (${s.tabCheck}) tab`,
          ul([
            `Select “${STRINGS.vi.runCheck}” (${s.runCheck}). Findings are grouped by sheet and severity (${s.error}, ${s.warning}, ${s.info}), with counts and a severity filter; the count line says how many are shown out of all. The filter and the finding in hand are kept across tabs.`,
            `Select a finding to select its cell in Excel; “${s.previous}” and “${s.next}” step through them. “${STRINGS.vi.why}” (${s.why}) explains the rule with the finding's own figures and the advice of [the rules](#rules).`,
            `“${s.ignore}” ignores a finding with a required reason (and who decided, if wished), kept in the workbook: the next check and the next official see it. The “Ignored” list shows them with reason, who and when; “${s.restore}” brings one back.`,
            `“${s.markCells}” marks the cells with conditional formats, each in the colour of its most severe finding (light red ${s.error.toLowerCase()}, yellow ${s.warning.toLowerCase()}, light blue ${s.info.toLowerCase()}; the pane shows the legend); “${s.clearMarks}” removes those marks without touching your formatting. “${s.exportFindings}” writes the list to a sheet. Every action says what it did.`,
            "What each finding means: see [Reading the findings](#reading-findings) and [the rules](#rules).",
          ]),
        ),
        section(
          "tab-indicators",
          4,
          `${STRINGS.vi.tabIndicators} (${s.tabIndicators}) tab`,
          ul([
            `The computed indicators: ${s.colPlanPercent}, against the same period (an index, or points for a rate), ${s.colEvaluation}.`,
            `“${s.writeColumns}” writes the plan and same-period columns as formulas into the columns you choose, never a column the indicators are read from; cells that hold something are only overwritten by a second choice (“${s.overwriteYes}”, listing the cells and what they hold; “${s.onlyEmpty}” is the default).`,
            `Excel's Ctrl+Z cannot undo what chitieu writes: after every write, “${s.undo}” puts the cells back and removes the sheets just added.`,
          ]),
        ),
        section(
          "tab-report",
          4,
          `${STRINGS.vi.tabReport} (${s.tabReport}) tab`,
          ul([
            `Choose a built-in template or a template sheet of the workbook; “${s.preview}” shows the narrative; “${s.generate}” makes a new sheet; “${s.copyText}” copies the text for your document.`,
            ...templates,
            "A template with problems creates nothing, and its problems are listed.",
          ]),
        ),
        section(
          "tab-text",
          4,
          `${STRINGS.vi.tabText} (${s.tabText}) tab`,
          ul([
            `Paste the report's narrative (or, inside Excel, select the cells holding it and choose “${s.fromSelection}”), then “${s.checkText}”.`,
            "The text is checked with the rules of `chitieu check-text`, against the open workbook: each finding names its paragraph and sentence, quotes the words, and, when it concerns an indicator, goes to its cell.",
          ]),
        ),
        section(
          "tab-earlier",
          4,
          `${STRINGS.vi.tabCompare} (${s.tabCompare}) tab`,
          ul([
            `After a check, “${s.chooseEarlier}” picks one or more earlier reports (.xlsx files, read on this computer, sent nowhere): the 6-month report when preparing the 9-month one, last year's report of the same period.`,
            "Each is placed as the same year's earlier period, last year's same period, or last year's whole-year estimate; the problems between the reports (a cumulative figure falling, a plan changed, a same-period figure that is not the published one, a whole-year estimate moved much) name both cells, with a button to the open workbook's.",
            `“Indicators paired” shows what was compared with what: “${s.unpair}” undoes a wrong pair; choose two indicators and “${s.pair}” to pair a renamed one by hand. The comparison runs again at once, and after each check.`,
          ]),
        ),
        section(
          "standalone",
          4,
          "Standalone mode (outside Excel)",
          ul([
            "Open https://localhost:3000/taskpane.html in a browser; no Excel needed.",
            `“${s.chooseFile}” opens an .xlsx file, shown as a read-only grid (“${s.hideGrid}” folds it away); checking, indicators and reports run in the browser and the file is sent nowhere.`,
            `“${s.download}” downloads the resulting workbook. Findings ignored inside Excel (saved in the file) are read with it; those ignored here last as long as the file stays open.`,
          ]),
        ),
      ].join(""),
    ),
    section(
      "command-line",
      3,
      "Command line",
      [
        p("The same rules run on .xlsx files and on text, without Excel:"),
        pre(CLI),
        p(
          "Several files, folders or patterns are checked in one command: a file that cannot be used is reported with its reason and the others are still checked; findings set aside with “Bỏ qua” in the pane are reported as ignored, with the reason. Exit status: 0 no error, 1 at least one error, 2 input that cannot be used (a missing, corrupt or password-protected file, no indicator sheet; in a batch: at least one such file), with one line on stderr; 3 an internal error of chitieu. A rule configuration (`--config`) changes thresholds per indicator and switches rules off:",
        ),
        pre(CONFIG),
      ].join(""),
    ),
    section(
      "reading-findings",
      3,
      "Reading the findings",
      [
        ul([
          `**${s.error}**: a figure or a wording that is wrong and must be corrected before the report is sent. **${s.warning}**: possibly wrong or not as the style requires; look again. **${s.info}**: for your information.`,
          "Each finding names the sheet and cell (for text: the line and column), its rule, and the figures involved: the one written, the one computed, the computation.",
          "A finding that is right on purpose? Use “Ignore…” with a reason, or change a threshold or switch the rule off in the configuration.",
          "The severity below is the usual one; some rules lower it for milder cases (a number typed as text is only a note).",
        ]),
        ruleIndex(rules, "en"),
      ].join(""),
    ),
    `</section>`,
  ].join("");
}

export interface HelpOptions {
  /** The rules to document; by default those of the registry. */
  rules?: readonly RuleRecord[];
  /** What to add to a rule's record, by rule id; by default RULE_GUIDE. */
  guide?: Readonly<Record<string, RuleGuide>>;
}

/** The whole help page as an HTML document. */
export function renderHelp(options: HelpOptions = {}): string {
  const rules = options.rules ?? RULES;
  const guide = options.guide ?? RULE_GUIDE;
  const title = `${STRINGS.vi.title}: hướng dẫn · Help`;
  return [
    "<!doctype html>",
    '<html lang="vi">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">`,
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="help.css">',
    '<link rel="icon" type="image/png" href="assets/icon-32.png">',
    "</head>",
    "<body>",
    '<a class="skip" href="#main">Bỏ qua mục lục · Skip to content</a>',
    "<header>",
    `<h1><img src="assets/icon-32.png" alt="" width="32" height="32"> ${escapeHtml(STRINGS.vi.title)}: hướng dẫn <span lang="en">· Help</span></h1>`,
    '<nav aria-label="Mục lục · Contents"><ul>',
    '<li><a href="#vi">Tiếng Việt</a>: <a href="#cai-dat">Cài đặt</a>, <a href="#su-dung">Sử dụng</a>, <a href="#dong-lenh">Dòng lệnh</a>, <a href="#doc-ket-qua">Đọc kết quả</a></li>',
    '<li lang="en"><a href="#en">English</a>: <a href="#install">Installing</a>, <a href="#use">Using the pane</a>, <a href="#command-line">Command line</a>, <a href="#reading-findings">Reading the findings</a></li>',
    '<li><a href="#rules">Các quy tắc · <span lang="en">The rules</span></a></li>',
    "</ul></nav>",
    "</header>",
    '<main id="main">',
    vietnamese(rules),
    english(rules),
    `<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Các quy tắc kiểm tra · <span lang="en">The rules</span></h2>`,
    p(
      "Mỗi quy tắc: ý nghĩa và cách xử lý, tiếng Việt rồi tiếng Anh. Lệnh `chitieu rules` liệt kê cùng danh sách này. · Each rule: what it means and what to do, in Vietnamese then English.",
    ),
    ...rules.map((r) => ruleSection(r, guide[r.id])),
    "</section>",
    "</main>",
    `<footer><p>Trang này được tạo khi dựng ngăn tác vụ, từ danh mục quy tắc trong mã nguồn. <span lang="en">This page is made when the pane is built, from the rule records of the code.</span> <a href="taskpane.html">taskpane.html</a></p></footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
