//! A new source as the user confirms it: the text read from a file (`io::extract`) with its
//! title, date, publisher and address, and the one undoable edit that adds it.

use crate::commands::Edit;
use crate::io::extract::Extracted;
use crate::model::{Dataset, Names, Source};

/// A source read from a file, waiting for the user to confirm what it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AddForm {
    pub text: String,
    pub file: String,
    pub id: String,
    pub title: Names,
    pub date: String,
    pub publisher: String,
    pub url: String,
}

impl AddForm {
    /// The form for `got`, read from a file called `name`, with an id and file name that `data`
    /// does not use yet.
    pub fn new(data: &Dataset, name: &str, got: Extracted) -> AddForm {
        let taken: Vec<&str> = data.sources.iter().map(|s| s.file.as_str()).collect();
        let file = crate::io::sources::new_file_name(name, &taken);
        let stem = file.trim_end_matches(".txt");
        let id = crate::commands::cite::fresh_id(stem, |id| data.source(id).is_some());
        let title = got.title.unwrap_or_default();
        let zh_title = title.chars().any(crate::io::extract::clean::is_cjk);
        AddForm {
            text: got.text,
            file,
            id,
            title: if zh_title {
                Names {
                    zh: title,
                    en: String::new(),
                }
            } else {
                Names {
                    zh: String::new(),
                    en: title,
                }
            },
            date: got.date.map(|d| normalise_date(&d)).unwrap_or_default(),
            publisher: got.publisher.unwrap_or_default(),
            url: got.url.unwrap_or_default(),
        }
    }

    /// The edit that adds the source at the end of the data's list.
    pub fn edit(&self, data: &Dataset) -> Edit {
        Edit::InsertSource {
            index: data.sources.len(),
            source: Source {
                id: self.id.trim().to_string(),
                file: self.file.clone(),
                date: self.date.trim().to_string(),
                title: Names {
                    zh: self.title.zh.trim().to_string(),
                    en: self.title.en.trim().to_string(),
                },
                publisher: self.publisher.trim().to_string(),
                url: self.url.trim().to_string(),
            },
        }
    }
}

/// `2024-03-05T08:00:00+08:00`, `2022/07/07` → `2024-03-05`, `2022-07-07`; other forms as
/// they are (the user corrects them in the form).
pub fn normalise_date(d: &str) -> String {
    let t = d.trim().replace(['/', '.'], "-");
    let head = t.get(..10).unwrap_or(&t);
    let ok = head.len() == 10
        && head.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if ok {
        head.to_string()
    } else {
        d.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalised_when_they_can_be() {
        assert_eq!(normalise_date("2024-03-05T08:00:00+08:00"), "2024-03-05");
        assert_eq!(normalise_date("2022/07/07"), "2022-07-07");
        assert_eq!(
            normalise_date("Thu, 13 May 2021 00:04:38 GMT"),
            "Thu, 13 May 2021 00:04:38 GMT"
        );
    }

    #[test]
    fn a_confirmed_form_is_one_undoable_edit() {
        let mut data = Dataset::default();
        let got = Extracted {
            text: "正文。".into(),
            title: Some("深圳新建三个实验室".into()),
            date: Some("2024-03-05".into()),
            publisher: Some("示例新闻网".into()),
            url: None,
        };
        let form = AddForm::new(&data, "labs.html", got);
        assert_eq!(form.file, "labs-html.txt");
        assert_eq!(form.title.zh, "深圳新建三个实验室");
        let edit = form.edit(&data);
        edit.apply(&mut data).unwrap();
        assert_eq!(data.sources[0].publisher, "示例新闻网");
        // The same again is refused (id and file taken).
        assert!(form.edit(&data).apply(&mut data).is_err());
        edit.inverse().apply(&mut data).unwrap();
        assert!(data.sources.is_empty());
    }
}
