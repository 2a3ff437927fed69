//! Flow 1 as a cycle: the shop's catalogue and the warehouse's article numbers in, the article
//! plan out. Validation problems and orphaned articles are recorded for the merchant.

use std::collections::{BTreeMap, BTreeSet};

use brygga_core::hash::ContentHash;
use brygga_core::plan::articles::{ArticleState, Sent, plan_articles};
use brygga_core::schedule::Flow;
use brygga_ongoing::articles::ArticleQuery;

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::FlowReport;

impl Engine {
    pub(crate) async fn articles_cycle(&self, dry_run: bool) -> Result<FlowReport, SyncError> {
        let mut report = FlowReport::new(Flow::Articles, dry_run);
        let catalogue = self.catalogue_now(false).await?;
        let in_warehouse: BTreeSet<String> = self
            .remotes
            .warehouse
            .articles(&ArticleQuery::default())
            .await?
            .into_iter()
            .filter_map(|a| a.article_number)
            .collect();
        let sent: BTreeMap<String, Sent> = self
            .store
            .articles()
            .list()?
            .into_iter()
            .filter_map(|record| {
                let hash: ContentHash = record.sent_hash.as_deref()?.parse().ok()?;
                Some((
                    record.sku,
                    Sent {
                        hash,
                        generation: record.sent_generation,
                    },
                ))
            })
            .collect();
        let plan = plan_articles(ArticleState {
            shop: &catalogue.articles,
            sent: &sent,
            in_warehouse: &in_warehouse,
        });
        report.count("read", catalogue.articles.len());
        report.count("unchanged", plan.unchanged);
        report.count("problems", plan.problems.len());
        report.count("orphaned", plan.orphaned.len());
        for (sku, problems) in &plan.problems {
            let message = problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            report.find(format!("article:{sku}"), "article.invalid", message);
        }
        for sku in &plan.orphaned {
            report.find(
                format!("article:{sku}"),
                "article.orphaned",
                "in the warehouse, but no active product in the shop has this SKU".to_owned(),
            );
        }
        if !dry_run {
            let now_ms = self.now_ms();
            let problems = plan
                .problems
                .iter()
                .map(|(sku, problems)| {
                    let json = serde_json::to_value(problems)
                        .expect("article problems are plain data and always serialise");
                    (sku.clone(), json)
                })
                .collect();
            self.store.articles().replace_problems(&problems, now_ms)?;
            let orphaned = plan.orphaned.iter().cloned().collect();
            self.store.articles().replace_orphaned(&orphaned, now_ms)?;
        }
        self.enqueue(plan.operations, &mut report)?;
        Ok(report)
    }
}
