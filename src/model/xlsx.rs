//! Reads the cells of an Excel workbook's first sheet as text (.xlsx: a zip of XML files).
//!
//! Written for this project instead of taking calamine: calamine brings every legacy text
//! encoding along and doubled the page's size (600 KB → 1.1 MB of wasm); the page needs only
//! the first sheet's values. Inflating is miniz_oxide's, XML reading quick-xml's.

use quick_xml::events::Event;
use quick_xml::Reader;

/// Why a workbook could not be read.
pub type XlsxError = String;

struct Entry<'a> {
    name: String,
    method: u16,
    data: &'a [u8],
    size: usize,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// The entries of a zip archive, from its central directory.
fn entries(zip: &[u8]) -> Result<Vec<Entry<'_>>, XlsxError> {
    let end = (0..zip.len().saturating_sub(21))
        .rev()
        .take(70_000)
        .find(|&i| u32_at(zip, i) == Some(0x0605_4b50))
        .ok_or("not a zip archive (no central directory)")?;
    let count = u16_at(zip, end + 10).ok_or("truncated")? as usize;
    let mut at = u32_at(zip, end + 16).ok_or("truncated")? as usize;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(zip, at) != Some(0x0201_4b50) {
            return Err("damaged central directory".into());
        }
        let method = u16_at(zip, at + 10).ok_or("truncated")?;
        let compressed = u32_at(zip, at + 20).ok_or("truncated")? as usize;
        let size = u32_at(zip, at + 24).ok_or("truncated")? as usize;
        let name_len = u16_at(zip, at + 28).ok_or("truncated")? as usize;
        let extra_len = u16_at(zip, at + 30).ok_or("truncated")? as usize;
        let comment_len = u16_at(zip, at + 32).ok_or("truncated")? as usize;
        let local = u32_at(zip, at + 42).ok_or("truncated")? as usize;
        let name =
            String::from_utf8_lossy(zip.get(at + 46..at + 46 + name_len).ok_or("truncated")?)
                .to_string();
        if u32_at(zip, local) != Some(0x0403_4b50) {
            return Err(format!("damaged entry {name}"));
        }
        let data_at = local
            + 30
            + u16_at(zip, local + 26).ok_or("truncated")? as usize
            + u16_at(zip, local + 28).ok_or("truncated")? as usize;
        let data = zip
            .get(data_at..data_at + compressed)
            .ok_or_else(|| format!("truncated entry {name}"))?;
        out.push(Entry {
            name,
            method,
            data,
            size,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(out)
}

fn read_entry(entries: &[Entry<'_>], name: &str) -> Result<Option<String>, XlsxError> {
    let Some(e) = entries.iter().find(|e| e.name == name) else {
        return Ok(None);
    };
    // A sheet of a province's communes is well under this; a larger claim is a broken file.
    if e.size > 200 * 1024 * 1024 {
        return Err(format!("{name} is too large"));
    }
    let bytes = match e.method {
        0 => e.data.to_vec(),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(e.data, e.size.max(1) * 2)
            .map_err(|_| format!("{name} cannot be decompressed"))?,
        m => return Err(format!("{name} uses compression method {m}")),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{name} is not UTF-8"))
}

fn attribute(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.to_string()))
}

/// The path of the first sheet, from the workbook and its relationships.
fn first_sheet(entries: &[Entry<'_>]) -> Result<String, XlsxError> {
    let fallback = "xl/worksheets/sheet1.xml".to_string();
    let Some(workbook) = read_entry(entries, "xl/workbook.xml")? else {
        return Ok(fallback);
    };
    let mut reader = Reader::from_str(&workbook);
    let mut id = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"sheet" => {
                id = attribute(&e, b"r:id").or_else(|| attribute(&e, b"id"));
                break;
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("workbook.xml: {e}")),
            _ => {}
        }
    }
    let (Some(id), Some(rels)) = (id, read_entry(entries, "xl/_rels/workbook.xml.rels")?) else {
        return Ok(fallback);
    };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship" =>
            {
                if attribute(&e, b"Id").as_deref() == Some(id.as_str()) {
                    let target = attribute(&e, b"Target").unwrap_or_default();
                    return Ok(match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_string(),
                        None => format!("xl/{target}"),
                    });
                }
            }
            Ok(Event::Eof) => return Ok(fallback),
            Err(e) => return Err(format!("workbook.xml.rels: {e}")),
            _ => {}
        }
    }
}

fn shared_strings(entries: &[Entry<'_>]) -> Result<Vec<String>, XlsxError> {
    let Some(xml) = read_entry(entries, "xl/sharedStrings.xml")? else {
        return Ok(Vec::new());
    };
    let mut reader = Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    let mut in_phonetic = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"si" => current.clear(),
                b"t" => in_text = true,
                b"rPh" => in_phonetic = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text && !in_phonetic => current.push_str(
                &t.unescape()
                    .map_err(|e| format!("sharedStrings.xml: {e}"))?,
            ),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"si" => out.push(std::mem::take(&mut current)),
                b"t" => in_text = false,
                b"rPh" => in_phonetic = false,
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("sharedStrings.xml: {e}")),
            _ => {}
        }
    }
    Ok(out)
}

/// "B12" → (row 12, column index 1).
fn cell_ref(r: &str) -> Option<(u64, usize)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let row: u64 = r[letters.len()..].parse().ok()?;
    let col = letters.bytes().fold(0usize, |acc, b| {
        acc * 26 + (b.to_ascii_uppercase() - b'A') as usize + 1
    });
    Some((row, col.checked_sub(1)?))
}

/// A number as a person would type it: `1`, not `1.0`.
fn number_text(raw: &str) -> String {
    match raw.parse::<f64>() {
        Ok(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Ok(v) => format!("{v}"),
        Err(_) => raw.to_string(),
    }
}

/// The first sheet's rows as (sheet row number, cells as text), empty rows left out.
pub fn first_sheet_rows(bytes: &[u8]) -> Result<Vec<(u64, Vec<String>)>, XlsxError> {
    let entries = entries(bytes)?;
    let path = first_sheet(&entries)?;
    let sheet = read_entry(&entries, &path)?.ok_or_else(|| format!("no sheet at {path}"))?;
    let strings = shared_strings(&entries)?;
    let mut reader = Reader::from_str(&sheet);
    let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
    let (mut row, mut col, mut kind) = (0u64, 0usize, String::new());
    let mut value = String::new();
    let mut in_value = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"row" => {
                row = attribute(&e, b"r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(row + 1);
                rows.push((row, Vec::new()));
                col = 0;
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"c" => {
                if let Some((_, c)) = attribute(&e, b"r").as_deref().and_then(cell_ref) {
                    col = c;
                }
                kind = attribute(&e, b"t").unwrap_or_default();
                value.clear();
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"c" => {
                col = attribute(&e, b"r")
                    .as_deref()
                    .and_then(cell_ref)
                    .map(|(_, c)| c + 1)
                    .unwrap_or(col + 1);
            }
            Ok(Event::Start(e)) if matches!(e.local_name().as_ref(), b"v" | b"t") => {
                in_value = true
            }
            Ok(Event::Text(t)) if in_value => {
                value.push_str(&t.unescape().map_err(|e| format!("{path}: {e}"))?)
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"v" | b"t" => in_value = false,
                b"c" => {
                    let text = match kind.as_str() {
                        "s" => value
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| strings.get(i).cloned())
                            .unwrap_or_default(),
                        "b" => value.trim().to_string(),
                        "str" | "inlineStr" => value.clone(),
                        "e" => format!("#{}", value.trim()),
                        _ => number_text(value.trim()),
                    };
                    if let Some((_, cells)) = rows.last_mut() {
                        if cells.len() <= col {
                            cells.resize(col + 1, String::new());
                        }
                        cells[col] = text;
                    }
                    col += 1;
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("{path}: {e}")),
            _ => {}
        }
    }
    rows.retain(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_read_as_spreadsheets_write_them() {
        assert_eq!(cell_ref("A1"), Some((1, 0)));
        assert_eq!(cell_ref("AB12"), Some((12, 27)));
        assert_eq!(cell_ref("1"), None);
        assert_eq!(number_text("1.0"), "1");
        assert_eq!(number_text("12.5"), "12.5");
    }

    #[test]
    fn junk_is_refused() {
        assert!(first_sheet_rows(b"PK\x03\x04 nothing more").is_err());
        assert!(first_sheet_rows(b"").is_err());
    }
}
