//! A deterministic generator of synthetic country profiles, in the shapes real
//! profiles arrive in (plain text with long lines, hard-wrapped text, Markdown),
//! with and without the defects the checker looks for. The same seed always
//! gives the same corpus. Every profile comes with the defects injected into it,
//! so tests can check that the checker finds them. The prose is our own.

use minewatch_model::Date;

/// SplitMix64: small, fast, and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

/// The shape a profile is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line per paragraph, as extracted from a web page.
    Plain,
    /// Lines wrapped at about 70 columns, even between a number and its unit.
    Wrapped,
    /// Markdown with front matter, `#` headings and `[^n]` footnotes.
    Markdown,
}

/// A defect put into a profile on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Injected {
    /// The diagnostic code the checker should report.
    pub code: &'static str,
    /// The note number, for note defects.
    pub note: Option<u32>,
    /// The glued token, for glued words.
    pub text: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Profile {
    /// A file name such as `00042_finland_mine-ban-policy.txt`.
    pub name: String,
    pub shape: Shape,
    pub text: String,
    pub injected: Vec<Injected>,
}

const COUNTRIES: &[&str] = &[
    "Afghanistan",
    "Angola",
    "Armenia",
    "Azerbaijan",
    "Bosnia and Herzegovina",
    "Cambodia",
    "China",
    "Colombia",
    "Croatia",
    "Cuba",
    "Egypt",
    "Eritrea",
    "Finland",
    "Georgia",
    "India",
    "Iran",
    "Iraq",
    "Israel",
    "Kazakhstan",
    "Korea, Republic of",
    "Kyrgyzstan",
    "Lao PDR",
    "Lebanon",
    "Libya",
    "Morocco",
    "Mozambique",
    "Myanmar/Burma",
    "Nepal",
    "Pakistan",
    "Poland",
    "Russia",
    "Singapore",
    "Somalia",
    "Sri Lanka",
    "Syria",
    "Tajikistan",
    "Thailand",
    "Türkiye",
    "Ukraine",
    "United States",
    "Uzbekistan",
    "Vietnam",
    "Yemen",
    "Zimbabwe",
];
const MINES: &[&str] = &[
    "PMN-2",
    "POMZ-2M",
    "OZM-72",
    "MON-50",
    "M14",
    "M16A1",
    "M18A1 Claymore",
    "PFM-1",
    "Type 72A",
    "VS-50",
    "TS-50",
    "PROM-1",
    "MRUD",
    "DM31",
    "M74",
    "M692",
    "ADAM",
    "Gator",
];
const BODIES: &[&str] = &[
    "Ministry of Foreign Affairs",
    "Ministry of Defence",
    "Permanent Mission to the United Nations in Geneva",
    "National Mine Action Authority",
    "Office of the Spokesperson",
    "Department of Defense",
];
const TOPICS: &[&str] = &[
    "Use",
    "Production",
    "Transfer",
    "Stockpiling",
    "Stockpile destruction",
    "Mines retained",
];

fn date(rng: &mut Rng, from: i32, to: i32) -> Date {
    let y = rng.range(from as i64, to as i64) as i32;
    let m = rng.range(1, 12) as u32;
    let d = rng.range(1, 28) as u32;
    Date::new(y, m, d).unwrap_or_else(|_| Date::new(2000, 1, 1).expect("valid"))
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

struct Builder<'r> {
    rng: &'r mut Rng,
    shape: Shape,
    country: &'static str,
    paragraphs: Vec<(Option<&'static str>, Vec<String>)>,
    next_ref: u32,
    injected: Vec<Injected>,
    defective: bool,
}

impl Builder<'_> {
    fn r(&mut self) -> String {
        let n = self.next_ref;
        self.next_ref += 1;
        match self.shape {
            Shape::Markdown => format!("[^{n}]"),
            _ => format!("[{n}]"),
        }
    }
}

/// Generate profile number `i` of the corpus for `seed`.
pub fn profile(seed: u64, i: usize) -> Profile {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
    let shape = match rng.below(10) {
        0..=4 => Shape::Plain,
        5..=7 => Shape::Wrapped,
        _ => Shape::Markdown,
    };
    let country = *rng.pick(COUNTRIES);
    let defective = rng.chance(60);
    let updated = date(&mut rng, 2015, 2026);
    let mut b = Builder {
        rng: &mut rng,
        shape,
        country,
        paragraphs: Vec::new(),
        next_ref: 1,
        injected: Vec::new(),
        defective,
    };
    policy(&mut b);
    for topic in TOPICS {
        if b.rng.chance(75) {
            section(&mut b, topic);
        }
    }
    // Defects: glued words and a near-duplicate paragraph.
    if defective && b.rng.chance(40) {
        let glue = *b.rng.pick(&[
            ("Defence", "for"),
            ("The", "Stockpile"),
            ("Ministry", "of"),
            ("Convention", "and"),
        ]);
        let n = b.paragraphs.len();
        let k = b.rng.below(n as u64) as usize;
        let para = &mut b.paragraphs[k].1;
        if !para.is_empty() {
            para[0] = format!("{} {}", para[0], glue_sentence(glue.0, glue.1));
            let token = format!("{}{}", glue.0, glue.1);
            b.injected.push(Injected {
                code: "glued-words",
                note: None,
                text: Some(token),
            });
        }
    }
    if defective && b.rng.chance(30) && b.paragraphs.len() > 2 {
        let src = b
            .paragraphs
            .iter()
            .position(|(_, p)| p.iter().map(|s| s.split(' ').count()).sum::<usize>() >= 40);
        if let Some(s) = src {
            let mut copy = b.paragraphs[s].1.clone();
            copy[0] = copy[0].replacen(" has ", " had ", 1);
            let last = b.paragraphs.len() - 1;
            b.paragraphs[last].1.push(String::new());
            b.paragraphs.push((None, copy));
            b.injected.push(Injected {
                code: "near-duplicate-paragraph",
                note: None,
                text: None,
            });
        }
    }
    let total_refs = b.next_ref - 1;
    let mut notes: Vec<(u32, String)> = (1..=total_refs).map(|n| (n, citation(b.rng, n))).collect();
    if defective && total_refs > 3 && b.rng.chance(50) {
        let k = b.rng.below(notes.len() as u64) as usize;
        let (n, _) = notes.remove(k);
        b.injected.push(Injected {
            code: "missing-note",
            note: Some(n),
            text: None,
        });
    }
    if defective && b.rng.chance(30) {
        let n = total_refs + 1;
        notes.push((n, citation(b.rng, n)));
        b.injected.push(Injected {
            code: "unused-note",
            note: Some(n),
            text: None,
        });
    }
    if defective && b.rng.chance(25) && !notes.is_empty() {
        let k = b.rng.below(notes.len() as u64) as usize;
        let n = notes[k].0;
        notes.insert(k + 1, (n, citation(b.rng, n + 100)));
        b.injected.push(Injected {
            code: "duplicate-note",
            note: Some(n),
            text: None,
        });
    }
    if defective && b.rng.chance(30) && !notes.is_empty() {
        let k = b.rng.below(notes.len() as u64) as usize;
        let n = notes[k].0;
        let t = &mut notes[k].1;
        if let Some(p) = t.rfind(", http") {
            t.truncate(p);
            t.push_str(",.");
        } else {
            t.truncate(t.trim_end_matches('.').len());
            t.push_str(",.");
        }
        b.injected.push(Injected {
            code: "note-lost-link",
            note: Some(n),
            text: None,
        });
    }
    let (text, lost, lost_values) = render(&b, updated, &notes);
    let mut injected = b.injected;
    if lost {
        injected.push(Injected {
            code: "lost-heading",
            note: None,
            text: None,
        });
    }
    if lost_values {
        injected.push(Injected {
            code: "empty-table",
            note: None,
            text: None,
        });
    }
    let slug: String = country
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let ext = if shape == Shape::Markdown {
        "md"
    } else {
        "txt"
    };
    Profile {
        name: format!("{i:05}_{slug}_mine-ban-policy.{ext}"),
        shape,
        text,
        injected,
    }
}

/// A sentence with a space lost between `a` and `b`; `a` also stands on its own
/// twice, as a real word of the profile would.
fn glue_sentence(a: &str, b: &str) -> String {
    if a == "The" {
        format!("Officials said that {a}{b} review would continue.")
    } else {
        format!("{a} officials and {a} advisers said the {a}{b} review would continue.")
    }
}

/// The treaty paragraph, from the reference data's real dates for the country, so
/// that generated profiles agree with the treaty status the checks compare against.
fn policy(b: &mut Builder) {
    let row = minewatch_refdata::resolve_state(b.country)
        .and_then(|s| minewatch_refdata::mbt_status_of(&s.iso3));
    let r1 = b.r();
    let r2 = b.r();
    let first = match row {
        Some(r) if r.deposit_date.is_some() && r.entry_into_force.is_some() => format!(
            "{} deposited its instrument of {} of the Mine Ban Treaty on {}, and the treaty entered into force for it on {}.{r1}",
            b.country,
            if r.instrument.is_empty() { "ratification" } else { r.instrument.as_str() },
            r.deposit_date.map(Date::long).unwrap_or_default(),
            r.entry_into_force.map(Date::long).unwrap_or_default(),
        ),
        Some(r) if r.signature_date.is_some() => format!(
            "{} signed the Mine Ban Treaty on {} but has not ratified it.{r1}",
            b.country,
            r.signature_date.map(Date::long).unwrap_or_default()
        ),
        _ => format!("{} has not joined the Mine Ban Treaty.{r1}", b.country),
    };
    let year = b.rng.range(2010, 2024);
    let mut p = vec![
        first,
        format!("It took part as a delegation in the treaty's intersessional meetings in Geneva in June {year}.{r2}"),
    ];
    if b.rng.chance(50) {
        let r = b.r();
        p.push(format!(
            "Officials described the national position in a statement delivered in {}.{r}",
            date(b.rng, 2016, 2024).long()
        ));
    }
    b.paragraphs.push((None, p));
}

fn section(b: &mut Builder, topic: &'static str) {
    let mine = *b.rng.pick(MINES);
    let year = b.rng.range(1990, 2020);
    let qty = b.rng.range(1_000, 3_000_000) as u64;
    let r = b.r();
    let first = match topic {
        "Use" => format!(
            "There have been no confirmed reports of new use of antipersonnel mines by government forces since {year}, although {} mines were found by deminers in {}.{r}",
            mine,
            year + b.rng.range(1, 5)
        ),
        "Production" => format!(
            "{} has stated that it stopped production of antipersonnel mines in {year}, when it manufactured approximately {} {mine} mines.{r}",
            b.country,
            thousands(qty)
        ),
        "Transfer" => format!(
            "{} has had a moratorium on the export of antipersonnel mines since {}, and it exported more than {} mines to {} countries before then.{r}",
            b.country,
            date(b.rng, 1992, 2005).long(),
            thousands(qty),
            b.rng.range(2, 30)
        ),
        "Stockpiling" => format!(
            "{} reported a stockpile of {} antipersonnel mines in {year}, most of them of the {mine} type.{r}",
            b.country,
            thousands(qty)
        ),
        "Stockpile destruction" => format!(
            "{} completed the destruction of its stockpile of {} antipersonnel mines on {}.{r}",
            b.country,
            thousands(qty),
            date(b.rng, 2001, 2020).long()
        ),
        _ => format!(
            "{} has retained {} antipersonnel mines for training in mine detection and clearance, as permitted by Article 3.{r}",
            b.country,
            thousands(b.rng.range(50, 5_000) as u64)
        ),
    };
    let r2 = b.r();
    let second = format!(
        "The {} has said that the figures will be reviewed in its next report, which is expected in {}.{r2}",
        b.rng.pick(BODIES),
        b.rng.range(2021, 2027)
    );
    let mut sents = vec![first, second];
    if topic == "Stockpiling" && b.rng.chance(70) {
        // A table in the blank-line or pipe form, with or without its values.
        sents.push(String::from("\u{0}TABLE"));
    }
    b.paragraphs.push((Some(topic), sents));
}

fn citation(rng: &mut Rng, n: u32) -> String {
    let body = rng.pick(BODIES);
    let d = date(rng, 2000, 2024);
    match n % 3 {
        0 => format!("{body}, \u{201c}Statement on the Implementation of the Convention,\u{201d} Geneva, {}, https://example.org/docs/{n}.pdf.", d.long()),
        1 => format!("{body}, \u{201c}Annual Report on Mine Action {},\u{201d} undated.", d.year()),
        _ => format!("Interview with an official of the {body}, {}.", d.long()),
    }
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in text.split(' ') {
        if col > 0 && col + 1 + w.chars().count() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.chars().count();
    }
    out
}

/// A stockpile table whose total row is the sum of the other rows.
fn table(rng: &mut Rng, shape: Shape, with_values: bool) -> String {
    let kinds = [
        "PMN-2 blast mine [1]",
        "OZM-72 bounding mine [1]",
        "MON-50 directional mine [1]",
    ];
    let held: Vec<u64> = kinds
        .iter()
        .map(|_| rng.range(100, 90_000) as u64)
        .collect();
    let destroyed: Vec<u64> = kinds.iter().map(|_| rng.range(0, 5_000) as u64).collect();
    let mut rows: Vec<(&str, u64, u64)> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, held[i], destroyed[i]))
        .collect();
    rows.push(("Grand total", held.iter().sum(), destroyed.iter().sum()));
    if shape == Shape::Markdown || rng.chance(30) {
        let mut t = String::from("| Mine type | Held | Destroyed |\n|---|---|---|\n");
        for (k, h, d) in rows {
            let k = k.trim_end_matches(" [1]");
            let (h, d) = if with_values {
                (thousands(h), thousands(d))
            } else {
                (String::new(), String::new())
            };
            t.push_str(&format!("| {k} | {h} | {d} |\n"));
        }
        t.pop();
        return t;
    }
    let mut t = String::from("Stockpile by type\n\n\n[quantity of antipersonnel mines in each]\n\nHeld\n\nDestroyed\n\n\n\n");
    for (k, h, d) in rows {
        t.push_str(k);
        if with_values {
            t.push_str(&format!("\n\n{}\n\n{}\n\n\n", thousands(h), thousands(d)));
        } else {
            t.push_str("\n\n\n\n\n");
        }
    }
    t.truncate(t.trim_end().len());
    t
}

/// The profile's text, whether a heading was lost, and whether a table lost its values.
fn render(b: &Builder, updated: Date, notes: &[(u32, String)]) -> (String, bool, bool) {
    let mut out = String::new();
    // Builder's rng is borrowed mutably elsewhere; derive table randomness from the text so far.
    let mut trng = Rng::new(b.country.len() as u64 * 7919 + notes.len() as u64);
    match b.shape {
        Shape::Markdown => {
            out.push_str(&format!(
                "---\ncountry: {}\ntype: Mine Ban Policy\nlast_updated: {updated}\n---\n\n# {}\n\n",
                b.country, b.country
            ));
        }
        _ => out.push_str(&format!(
            "{}\n\nMine Ban Policy\n\nLast updated: {}\n\n",
            b.country,
            updated.long()
        )),
    }
    let mut injected_lost = false;
    let mut lost_values = false;
    let mut after_table = false;
    for (k, (topic, sents)) in b.paragraphs.iter().enumerate() {
        if k > 0 {
            match (b.shape, topic) {
                (Shape::Markdown, Some(t)) => out.push_str(&format!("## {t}\n\n")),
                (Shape::Markdown, None) => {}
                (_, Some(t)) => {
                    // Some headings are lost: two blank lines stand where they were.
                    // (Not right after a table: its trailing blank lines hide the loss.)
                    if b.defective && !injected_lost && !after_table && trng.chance(30) {
                        injected_lost = true;
                        out.push('\n');
                    } else {
                        out.push_str(&format!("{t}\n\n"));
                    }
                }
                (_, None) => {}
            }
        }
        let mut para = Vec::new();
        let mut tables = Vec::new();
        for s in sents {
            if s == "\u{0}TABLE" {
                let with_values = trng.chance(50);
                lost_values |= !with_values;
                tables.push(table(&mut trng, b.shape, with_values));
            } else if !s.is_empty() {
                para.push(s.as_str());
            }
        }
        let text = para.join(" ");
        let text = if b.shape == Shape::Wrapped {
            wrap(&text, 70)
        } else {
            text
        };
        out.push_str(&text);
        out.push_str("\n\n");
        after_table = !tables.is_empty();
        for t in tables {
            out.push_str(&t);
            out.push_str("\n\n");
        }
    }
    if b.shape == Shape::Markdown {
        out.push_str("## Notes\n\n");
    } else {
        out.push('\n');
    }
    for (n, t) in notes {
        let line = match b.shape {
            Shape::Markdown => format!("[^{n}]: {t}"),
            Shape::Wrapped => wrap(&format!("[{n}] {t}"), 70),
            Shape::Plain => format!("[{n}] {t}"),
        };
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    (out, injected_lost, lost_values)
}

/// The whole corpus: `count` profiles for `seed`.
pub fn corpus(seed: u64, count: usize) -> impl Iterator<Item = Profile> {
    (0..count).map(move |i| profile(seed, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic() {
        let a: Vec<String> = corpus(7, 20).map(|p| p.text).collect();
        let b: Vec<String> = corpus(7, 20).map(|p| p.text).collect();
        assert_eq!(a, b);
        let c: Vec<String> = corpus(8, 20).map(|p| p.text).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn all_shapes_occur() {
        let shapes: Vec<Shape> = corpus(1, 60).map(|p| p.shape).collect();
        for s in [Shape::Plain, Shape::Wrapped, Shape::Markdown] {
            assert!(shapes.contains(&s), "{s:?}");
        }
    }
}
