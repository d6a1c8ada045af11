// The message formatter: placeholders filled in each language's number style, lists, phrases, and
// a missing parameter shown (or thrown in strict mode) rather than silently dropped.
import { defineMessages, formatMessage, numberList, parseTemplate, phrase, renderMessage, templateParameters } from "../../src/core/rules";

describe("formatMessage", () => {
  it("writes numbers in each language's style, with up to 2 decimals for {x:n}", () => {
    const t = "{a:n} | {b:n} | {c:n} | {d:n}";
    const params = { a: 1235.6, b: 7966, c: 44.184, d: -0.5 };
    expect(formatMessage(t, params, "vi")).toBe("1.235,6 | 7.966 | 44,18 | -0,5");
    expect(formatMessage(t, params, "en")).toBe("1,235.6 | 7,966 | 44.18 | -0.5");
  });

  it("takes the decimals from {x:n0}…{x:n9}, and shows only the decimals a number has", () => {
    const t = "{x:n0} {x:n1} {x:n3} {x:n4} {y:n3}";
    expect(formatMessage(t, { x: 12.34567, y: 2.5 }, "vi")).toBe("12 12,3 12,346 12,3457 2,5");
    expect(formatMessage(t, { x: 12.34567, y: 2.5 }, "en")).toBe("12 12.3 12.346 12.3457 2.5");
  });

  it("writes {x} as it is: strings untouched, numbers (years, rows, counts) without grouping", () => {
    expect(formatMessage('Cột "{header}" năm {year}, dòng {row}', { header: "TH 2020", year: 2029, row: 12345 }, "vi")).toBe(
      'Cột "TH 2020" năm 2029, dòng 12345',
    );
  });

  it("joins a list of numbers with its separator, at most `max` of them then an ellipsis", () => {
    expect(formatMessage("{v:n} = 100", { v: numberList([20, 40, 40.3], " + ") }, "vi")).toBe("20 + 40 + 40,3 = 100");
    expect(formatMessage("{v:n}", { v: numberList([1000, 2, 3, 4], "; ", 2) }, "en")).toBe("1,000; 2; …");
  });

  it("renders a phrase of a bundle in the message's language", () => {
    const words = defineMessages({ rise: { vi: "tăng {v:n1}%", en: "up {v:n1}%" } });
    const params = { name: "GRDP", change: phrase(words, "rise", { v: 7.25 }) };
    expect(formatMessage("{name}: {change}", params, "vi")).toBe("GRDP: tăng 7,3%");
    expect(formatMessage("{name}: {change}", params, "en")).toBe("GRDP: up 7.3%");
  });

  it("shows a missing parameter as {x?}, and throws on it in strict mode", () => {
    expect(formatMessage("{name}: {x:n}", { name: "A" }, "vi")).toBe("A: {x?}");
    expect(() => formatMessage("{name}: {x:n}", { name: "A" }, "vi", { strict: true })).toThrow(/"x" missing/);
  });

  it("renders both languages of a message of a bundle", () => {
    const m = defineMessages({ hi: { vi: "{n:n} người", en: "{n:n} people" } });
    expect(renderMessage(m, "hi", { n: 12500 })).toEqual({ message: "12.500 người", messageEn: "12,500 people" });
  });
});

describe("parseTemplate", () => {
  it("reads the placeholders and their decimals", () => {
    const { placeholders, problems } = parseTemplate("{a} {b:n} {c:n0} {d:n3}");
    expect(problems).toEqual([]);
    expect(placeholders.map((p) => [p.name, p.decimals])).toEqual([
      ["a", null],
      ["b", 2],
      ["c", 0],
      ["d", 3],
    ]);
    expect(templateParameters("{a} {b:n} {a:n1}")).toEqual(["a", "b"]);
  });

  it.each([
    ["{name", /not closed/],
    ["name}", /without/],
    ["{na me}", /malformed/],
    ["{x:q}", /malformed/],
    ["{x:n12}", /malformed/],
    ["{}", /malformed/],
    ["{a{b}}", /not closed/],
  ])("finds what is wrong in %s", (template, problem) => {
    expect(parseTemplate(template).problems.join(" ")).toMatch(problem);
  });
});
