//! Print every document the reader makes from the files under the given folders,
//! as JSON lines (the serialised model plus each paragraph's joined text), so two
//! versions of the reader can be compared byte for byte:
//! `cargo run --release -p minewatch-profile --example model_digest -- DIR... > a.jsonl`.

fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        walk(std::path::Path::new(&a), &mut files);
    }
    files.sort();
    for p in files {
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let doc = minewatch_profile::read(&bytes);
        let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let line = serde_json::json!({
            "path": p.display().to_string(),
            "doc": doc,
            "paragraphs": paragraphs,
        });
        println!("{line}");
    }
}
