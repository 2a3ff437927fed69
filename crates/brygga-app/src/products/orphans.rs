//! The orphaned articles as a file the merchant can mail to the 3PL.
//!
//! Ongoing cannot delete articles, so the warehouse keeps articles the shop no longer sells and
//! the 3PL has to deactivate them by hand. The file is what 3PL staff open in a spreadsheet:
//! semicolon-separated (the separator Swedish spreadsheets expect), UTF-8 with a byte-order mark
//! (without it Excel reads å, ä and ö wrongly), CRLF line ends and RFC 4180 quoting. It goes to the
//! user's download folder, or to `exports/` in the data folder where there is none.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use brygga_ongoing::articles::ArticleQuery;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, ErrorCode, IpcError};

/// The language of the file's header row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportLanguage {
    #[default]
    Sv,
    En,
}

/// `export_orphaned_articles`: the header row's language.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportOrphanedArticlesRequest {
    pub language: ExportLanguage,
}

/// Where the file was written and how many articles it lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrphanedArticlesExport {
    pub path: String,
    pub rows: u32,
    /// Names and stock were read from the warehouse now; false when it could not be reached and
    /// the file holds what Brygga last knew (no names).
    pub from_warehouse: bool,
}

/// One line of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct OrphanLine {
    pub sku: String,
    pub warehouse_article_id: Option<i64>,
    pub name: Option<String>,
    pub sellable: Option<f64>,
}

/// One field, quoted when it holds the separator, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// The file's text, header first.
pub fn orphans_csv(lines: &[OrphanLine], language: ExportLanguage) -> String {
    let header = match language {
        ExportLanguage::Sv => [
            "Artikelnummer",
            "Lagrets artikel-id",
            "Benämning",
            "Disponibelt saldo",
        ],
        ExportLanguage::En => ["SKU", "Warehouse article id", "Name", "Sellable stock"],
    };
    let mut text = String::from("\u{feff}");
    text.push_str(&header.join(";"));
    text.push_str("\r\n");
    for line in lines {
        let fields = [
            field(&line.sku),
            line.warehouse_article_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            field(line.name.as_deref().unwrap_or_default()),
            line.sellable.map(number).unwrap_or_default(),
        ];
        text.push_str(&fields.join(";"));
        text.push_str("\r\n");
    }
    text
}

/// The user's download folder if there is one, else `exports/` in the data folder.
fn export_folder(app: &App) -> Result<PathBuf, IpcError> {
    if let Some(downloads) = dirs::download_dir().filter(|d| d.is_dir()) {
        return Ok(downloads);
    }
    let folder = app.paths().data_dir().join("exports");
    std::fs::create_dir_all(&folder).map_err(|err| {
        IpcError::new(
            ErrorCode::DataDirUnreadable,
            format!("the folder {} cannot be created: {err}", folder.display()),
        )
    })?;
    Ok(folder)
}

/// Writes `text` to a new file in `folder` named after the time, never over an existing one.
fn write_new(folder: &Path, text: &str) -> Result<PathBuf, IpcError> {
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    for attempt in 1..100 {
        let name = match attempt {
            1 => format!("brygga-orphaned-articles-{stamp}.csv"),
            n => format!("brygga-orphaned-articles-{stamp}-{n}.csv"),
        };
        let path = folder.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes()).map_err(|err| {
                    IpcError::new(
                        ErrorCode::DataDirUnreadable,
                        format!("{} could not be written: {err}", path.display()),
                    )
                })?;
                return Ok(path);
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(err) => {
                return Err(IpcError::new(
                    ErrorCode::DataDirUnreadable,
                    format!("{} could not be created: {err}", path.display()),
                ));
            }
        }
    }
    Err(IpcError::new(
        ErrorCode::DataDirUnreadable,
        format!("no free file name in {}", folder.display()),
    ))
}

/// Writes the orphaned articles (as the last article sync found them) to a CSV file, with the
/// warehouse's names, ids and sellable stock read now.
pub async fn export_orphaned_articles(
    app: &App,
    request: ExportOrphanedArticlesRequest,
) -> Result<OrphanedArticlesExport, IpcError> {
    let store = app.store()?;
    let orphaned: Vec<_> = store
        .articles()
        .list()?
        .into_iter()
        .filter(|r| r.orphaned)
        .collect();
    let levels = store.stock_levels().all()?;
    let live = match crate::sync::remotes(app) {
        Ok(remotes) => remotes
            .warehouse
            .articles(&ArticleQuery::default())
            .await
            .ok(),
        Err(_) => None,
    };
    let in_warehouse: BTreeMap<String, brygga_ongoing::articles::Article> = live
        .iter()
        .flatten()
        .filter_map(|a| Some((a.article_number.clone()?, a.clone())))
        .collect();
    let lines: Vec<OrphanLine> = orphaned
        .iter()
        .map(|record| {
            let article = in_warehouse.get(&record.sku);
            OrphanLine {
                sku: record.sku.clone(),
                warehouse_article_id: article
                    .map(|a| i64::from(a.article_system_id))
                    .or(record.warehouse_article_id),
                name: article.and_then(|a| a.article_name.clone()),
                sellable: match article {
                    Some(a) => a
                        .inventory_info
                        .as_ref()
                        .map(|i| i.sellable_number_of_items),
                    None => levels.get(&record.sku).and_then(|l| l.warehouse_sellable),
                },
            }
        })
        .collect();
    let path = write_new(&export_folder(app)?, &orphans_csv(&lines, request.language))?;
    Ok(OrphanedArticlesExport {
        path: path.display().to_string(),
        rows: u32::try_from(lines.len()).unwrap_or(u32::MAX),
        from_warehouse: live.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_quotes_or_line_breaks_are_quoted() {
        let lines = vec![
            OrphanLine {
                sku: "A-1".to_owned(),
                warehouse_article_id: Some(7),
                name: Some("Socka; grå \"ull\"\nny".to_owned()),
                sellable: Some(3.0),
            },
            OrphanLine {
                sku: "B-2".to_owned(),
                warehouse_article_id: None,
                name: None,
                sellable: Some(1.5),
            },
        ];
        let text = orphans_csv(&lines, ExportLanguage::En);
        assert!(
            text.starts_with('\u{feff}'),
            "Excel needs the mark to read UTF-8"
        );
        assert_eq!(
            text.trim_start_matches('\u{feff}'),
            "SKU;Warehouse article id;Name;Sellable stock\r\n\
             A-1;7;\"Socka; grå \"\"ull\"\"\nny\";3\r\n\
             B-2;;;1.5\r\n",
            "RFC 4180 quoting keeps the name one field; unknown values stay empty"
        );
    }
}
