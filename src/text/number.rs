//! Numbers as a Vietnamese (or English) reader writes them, and back.
//! Vietnamese: `4.760`, `26,86`; English: `4,760`, `26.86`.

use super::Lang;
use crate::text::sentences as t;

fn separators(lang: Lang) -> (char, char) {
    // (thousands, decimal)
    lang.pick(('.', ','), (',', '.'))
}

/// `x` with `decimals` digits after the decimal mark and thousands grouped.
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let (group, mark) = separators(lang);
    let text = format!("{:.*}", decimals, x.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + 4);
    // A value that rounds to zero is shown without a minus sign.
    let is_zero = text.bytes().all(|b| b == b'0' || b == b'.');
    if x < 0.0 && !is_zero {
        out.push('-');
    }
    let digits = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if let Some(f) = frac_part {
        out.push(mark);
        out.push_str(f);
    }
    out
}

/// Like [`number`], but drops trailing zeros of the fraction (`4.770`, `26,86`, `0,5`).
pub fn amount(x: f64, max_decimals: usize, lang: Lang) -> String {
    let text = number(x, max_decimals, lang);
    let (_, mark) = separators(lang);
    if max_decimals == 0 || !text.contains(mark) {
        return text;
    }
    let trimmed = text.trim_end_matches('0');
    trimmed.strip_suffix(mark).unwrap_or(trimmed).to_string()
}

/// A share as a percentage: `67,1 %` / `67.1%`.
pub fn percent(fraction: f64, decimals: usize, lang: Lang) -> String {
    let n = number(fraction * 100.0, decimals, lang);
    lang.fill(t::PERCENT_FIGURE, &[("n", &n)])
}

/// Text made safe inside HTML or XML (element text and quoted attributes).
pub fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Why a typed amount could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum AmountError {
    Empty,
    NotANumber,
    Negative,
    TooLarge(f64),
    /// A count typed with a fraction.
    NotWhole,
}

impl AmountError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AmountError::Empty => lang.say(t::AMOUNT_ERROR_EMPTY).to_string(),
            AmountError::NotANumber => lang.say(t::AMOUNT_ERROR_NOT_A_NUMBER).to_string(),
            AmountError::Negative => lang.say(t::AMOUNT_ERROR_NEGATIVE).to_string(),
            AmountError::NotWhole => lang.say(t::AMOUNT_ERROR_NOT_WHOLE).to_string(),
            AmountError::TooLarge(limit) => lang.fill(
                t::AMOUNT_ERROR_TOO_LARGE,
                &[("max", &number(*limit, 0, lang))],
            ),
        }
    }
}

/// Reads a typed number, accepting both `1.234,5` and `1234.5` (and `1,234.5`).
///
/// Rules: spaces are ignored; where both `.` and `,` appear, the last one is the decimal mark
/// and the other groups thousands; where only one kind appears more than once, it groups
/// thousands; a single mark followed by exactly three digits groups thousands when it is the
/// reader's grouping mark (`3.200` is 3200 in Vietnamese), otherwise it is the decimal mark.
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, AmountError> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    if cleaned.is_empty() {
        return Err(AmountError::Empty);
    }
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(AmountError::NotANumber);
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (grouping, decimal): (Option<char>, Option<char>) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let count = dots.max(commas);
            if count > 1 {
                (Some(mark), None)
            } else {
                let after = body.len() - body.find(mark).map(|i| i + 1).unwrap_or(0);
                let (reader_group, _) = separators(lang);
                if after == 3 && mark == reader_group {
                    (Some(mark), None)
                } else {
                    (None, Some(mark))
                }
            }
        }
        _ => {
            let last_dot = body.rfind('.').unwrap_or(0);
            let last_comma = body.rfind(',').unwrap_or(0);
            if last_dot > last_comma {
                (Some(','), Some('.'))
            } else {
                (Some('.'), Some(','))
            }
        }
    };
    if let Some(d) = decimal {
        if body.matches(d).count() > 1 {
            return Err(AmountError::NotANumber);
        }
    }
    let (int_text, frac_text) = match decimal.and_then(|d| body.split_once(d)) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let int_digits: String = match grouping {
        Some(g) => {
            let groups: Vec<&str> = int_text.split(g).collect();
            let well_grouped = !groups[0].is_empty()
                && groups[0].len() <= 3
                && groups[1..].iter().all(|part| part.len() == 3);
            if !well_grouped {
                return Err(AmountError::NotANumber);
            }
            groups.concat()
        }
        None => int_text.to_string(),
    };
    if frac_text.is_some_and(|f| f.is_empty() || f.contains(['.', ','])) {
        return Err(AmountError::NotANumber);
    }
    let canonical = match frac_text {
        Some(f) => format!(
            "{}.{}",
            if int_digits.is_empty() {
                "0"
            } else {
                &int_digits
            },
            f
        ),
        None => int_digits,
    };
    let value: f64 = canonical.parse().map_err(|_| AmountError::NotANumber)?;
    if !value.is_finite() {
        return Err(AmountError::NotANumber);
    }
    Ok(if negative { -value } else { value })
}

/// Reads a typed amount of money (billion VND): a number, not negative, at most `limit`.
pub fn parse_amount(text: &str, lang: Lang, limit: f64) -> Result<f64, AmountError> {
    let value = parse_number(text, lang)?;
    if value < 0.0 {
        return Err(AmountError::Negative);
    }
    if value > limit {
        return Err(AmountError::TooLarge(limit));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers_group_with_dots() {
        assert_eq!(number(4760.0, 0, Lang::Vi), "4.760");
        assert_eq!(number(26.86, 2, Lang::Vi), "26,86");
        assert_eq!(number(1234567.891, 1, Lang::Vi), "1.234.567,9");
        assert_eq!(number(-0.001, 1, Lang::Vi), "0,0");
        assert_eq!(number(-12.5, 1, Lang::En), "-12.5");
        assert_eq!(amount(4770.0, 2, Lang::Vi), "4.770");
        assert_eq!(amount(0.5, 2, Lang::Vi), "0,5");
        assert_eq!(percent(0.671, 1, Lang::Vi), "67,1 %");
    }

    #[test]
    fn both_ways_of_writing_are_read() {
        assert_eq!(parse_number("1.234,5", Lang::Vi), Ok(1234.5));
        assert_eq!(parse_number("1234.5", Lang::Vi), Ok(1234.5));
        assert_eq!(parse_number("1,234.5", Lang::Vi), Ok(1234.5));
        assert_eq!(parse_number("3.200", Lang::Vi), Ok(3200.0));
        assert_eq!(parse_number("3.200", Lang::En), Ok(3.2));
        assert_eq!(parse_number("3,200", Lang::En), Ok(3200.0));
        assert_eq!(parse_number("26,86", Lang::Vi), Ok(26.86));
        assert_eq!(parse_number(" 1 234,5 ", Lang::Vi), Ok(1234.5));
        assert_eq!(parse_number("1.234.567", Lang::Vi), Ok(1234567.0));
        assert_eq!(parse_number(",5", Lang::Vi), Ok(0.5));
        assert_eq!(parse_number("-5", Lang::Vi), Ok(-5.0));
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "abc",
            "1,2,3.4.5",
            "12.34.5",
            "1..2",
            "1,",
            "--1",
            "1e5",
            "NaN",
            "inf",
            "1.2,3,4",
        ] {
            assert_eq!(
                parse_number(bad, Lang::Vi),
                Err(AmountError::NotANumber),
                "{bad}"
            );
        }
        assert_eq!(parse_number("  ", Lang::Vi), Err(AmountError::Empty));
        assert_eq!(
            parse_amount("-1", Lang::Vi, 1e6),
            Err(AmountError::Negative)
        );
        assert_eq!(
            parse_amount("2.000.000", Lang::Vi, 1e6),
            Err(AmountError::TooLarge(1e6))
        );
    }

    #[test]
    fn what_is_written_reads_back() {
        for x in [0.0, 0.5, 26.86, 640.0, 3200.0, 4770.25, 1234567.5] {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(
                    parse_number(&amount(x, 2, lang), lang),
                    Ok(x),
                    "{x} {lang:?}"
                );
            }
        }
    }
}
