//! Zip archives, the container of an Excel workbook: reading the entries of one (every size
//! checked against the file and a cap) and writing one (stored, no compression).

use super::xlsx::{XlsxError, MAX_PART_BYTES};

pub(crate) struct Entry<'a> {
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
pub(crate) fn entries(zip: &[u8]) -> Result<Vec<Entry<'_>>, XlsxError> {
    let end = (0..zip.len().saturating_sub(21))
        .rev()
        .take(70_000)
        .find(|&i| u32_at(zip, i) == Some(0x0605_4b50))
        .ok_or(XlsxError::NotZip)?;
    let damaged = || XlsxError::Damaged;
    let count = u16_at(zip, end + 10).ok_or_else(damaged)? as usize;
    let mut at = u32_at(zip, end + 16).ok_or_else(damaged)? as usize;
    let mut out = Vec::new();
    for _ in 0..count {
        if u32_at(zip, at) != Some(0x0201_4b50) {
            return Err(XlsxError::Damaged);
        }
        let method = u16_at(zip, at + 10).ok_or_else(damaged)?;
        let compressed = u32_at(zip, at + 20).ok_or_else(damaged)? as usize;
        let size = u32_at(zip, at + 24).ok_or_else(damaged)? as usize;
        let name_len = u16_at(zip, at + 28).ok_or_else(damaged)? as usize;
        let extra_len = u16_at(zip, at + 30).ok_or_else(damaged)? as usize;
        let comment_len = u16_at(zip, at + 32).ok_or_else(damaged)? as usize;
        let local = u32_at(zip, at + 42).ok_or_else(damaged)? as usize;
        let name =
            String::from_utf8_lossy(zip.get(at + 46..at + 46 + name_len).ok_or_else(damaged)?)
                .to_string();
        if u32_at(zip, local) != Some(0x0403_4b50) {
            return Err(XlsxError::DamagedPart(name));
        }
        let data_at = local
            .checked_add(30)
            .and_then(|x| x.checked_add(u16_at(zip, local + 26)? as usize))
            .and_then(|x| x.checked_add(u16_at(zip, local + 28)? as usize))
            .ok_or_else(|| XlsxError::DamagedPart(name.clone()))?;
        let data = data_at
            .checked_add(compressed)
            .and_then(|end| zip.get(data_at..end))
            .ok_or_else(|| XlsxError::DamagedPart(name.clone()))?;
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

pub(crate) fn read_entry(entries: &[Entry<'_>], name: &str) -> Result<Option<String>, XlsxError> {
    let Some(e) = entries.iter().find(|e| e.name == name) else {
        return Ok(None);
    };
    // A sheet of a province's communes is well under this; a larger one is refused before any
    // work, and inflating stops at the cap whatever the entry claims.
    if e.size > MAX_PART_BYTES || (e.method == 0 && e.data.len() > MAX_PART_BYTES) {
        return Err(XlsxError::TooLarge(name.to_string()));
    }
    let bytes = match e.method {
        0 => e.data.to_vec(),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(e.data, MAX_PART_BYTES).map_err(
            |err| match err.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    XlsxError::TooLarge(name.to_string())
                }
                _ => XlsxError::DamagedPart(name.to_string()),
            },
        )?,
        m => return Err(XlsxError::Compression(name.to_string(), m)),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| XlsxError::NotUtf8(name.to_string()))
}

pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of the files as they are (stored).
pub fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // version needed
            h.extend_from_slice(&0x0800u16.to_le_bytes()); // names in UTF-8
            h.extend_from_slice(&0u16.to_le_bytes()); // stored
            h.extend_from_slice(&0u16.to_le_bytes()); // time
            h.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&size.to_le_bytes());
            h.extend_from_slice(&size.to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                h.extend_from_slice(&0u16.to_le_bytes()); // comment
                h.extend_from_slice(&0u16.to_le_bytes()); // disk
                h.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(data);
        directory.extend(header(0x0201_4b50, true));
    }
    let directory_offset = out.len() as u32;
    let directory_size = directory.len() as u32;
    out.extend(directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&directory_size.to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_zip_formats_checksum() {
        // The standard check value of CRC-32 (ISO-HDLC), and of nothing.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
