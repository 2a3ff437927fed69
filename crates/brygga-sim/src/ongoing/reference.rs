//! Reference data a client reads to set itself up: the goods owner (the connection test), the
//! warehouses, and the transporter contracts that the transport mapping chooses from.
//!
//! The contracts are the carriers a Swedish 3PL typically has: DB Schenker (`SBTL`, with the
//! `BPA` parcel service the product brief names), PostNord, DHL Freight, Budbee, and an
//! Instabox-style parcel-locker service. Codes follow the Unifaun/nShift style many Ongoing
//! installations use; each carrier also has a tracking-URL pattern for shipped parcels.

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;

use super::OngoingSim;
use super::http::{QueryParams, json};
use super::wire::CodeNamePair;
use super::wire::reference::{
    GetGoodsOwner, GetTransporterContract, GetTransporterService, GetWarehouse,
    GoodsOwnerWarehouse, GoodsOwners, WarehouseAddress,
};
use super::wms::Wms;

/// One carrier: its code, name, services and how to link to a waybill.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Carrier {
    pub code: &'static str,
    pub name: &'static str,
    /// (service code, service name); the first is the contract's default service.
    pub services: &'static [(&'static str, &'static str)],
    /// Tracking page with `{}` where the waybill goes.
    pub tracking_url: &'static str,
}

pub(crate) const CARRIERS: &[Carrier] = &[
    Carrier {
        code: "SBTL",
        name: "DB Schenker",
        services: &[
            ("BPA", "DB SCHENKERparcel"),
            ("BHP", "DB SCHENKERprivpak Ombud Standard"),
            ("BHPH", "DB SCHENKERprivpak Hem Dag"),
            ("BCF", "DB SCHENKERsystem"),
        ],
        tracking_url: "https://www.dbschenker.com/app/tracking-public/?refNumber={}",
    },
    Carrier {
        code: "PNL",
        name: "PostNord Sverige",
        services: &[
            ("P19", "MyPack Collect"),
            ("P17", "MyPack Home"),
            ("P52", "PostNord Parcel"),
        ],
        tracking_url: "https://tracking.postnord.com/se/?id={}",
    },
    Carrier {
        code: "DHLFREIGHTSE",
        name: "DHL Freight Sweden",
        services: &[
            ("ASPO", "DHL Service Point"),
            ("ASWP", "DHL Paket"),
            ("ASWH", "DHL Home Delivery"),
        ],
        tracking_url: "https://www.dhl.com/se-sv/home/tracking.html?tracking-id={}",
    },
    Carrier {
        code: "BUDBEE",
        name: "Budbee",
        services: &[("HOME", "Budbee Home"), ("BOX", "Budbee Box")],
        tracking_url: "https://tracking.budbee.com/{}",
    },
    Carrier {
        code: "INSTABOX",
        name: "Instabox",
        services: &[
            ("EXPRESS", "Instabox Express (paketskåp)"),
            ("HOME", "Instahome"),
        ],
        tracking_url: "https://track.instabee.com/{}",
    },
];

pub(crate) fn carrier(code: &str) -> Option<&'static Carrier> {
    CARRIERS
        .iter()
        .find(|carrier| carrier.code.eq_ignore_ascii_case(code))
}

pub(super) fn routes() -> Router<OngoingSim> {
    Router::new()
        .route("/api/v1/goodsOwners", get(goods_owners))
        .route("/api/v1/goodsOwners/{id}", get(goods_owner))
        .route("/api/v1/warehouses", get(warehouses))
        .route("/api/v1/transporterContracts", get(transporter_contracts))
}

async fn goods_owners(State(sim): State<OngoingSim>, headers: HeaderMap) -> Response {
    sim.call("GoodsOwners_GetGoodsOwners", &headers, |wms| {
        Ok(json(
            StatusCode::OK,
            &GoodsOwners {
                goods_owners: vec![goods_owner_view(wms)],
            },
        ))
    })
}

async fn goods_owner(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    sim.call("GoodsOwners_GetGoodsOwnerById", &headers, |wms| {
        wms.check_goods_owner(id)?;
        Ok(json(StatusCode::OK, &goods_owner_view(wms)))
    })
}

fn goods_owner_view(wms: &Wms) -> GetGoodsOwner {
    let site = wms.config.sites.first();
    GetGoodsOwner {
        goods_owner_id: wms.config.goods_owner_id,
        goods_owner_name: Some(wms.config.goods_owner_name.clone()),
        goods_owner_comment: None,
        is_training_goods_owner: false,
        default_warehouse: GoodsOwnerWarehouse {
            warehouse_id: site.map_or(1, |site| site.id),
            warehouse_name: site.map(|site| site.name.clone()),
            warehouse_code: site.map(|site| site.code.clone()),
        },
        goods_owner_classes: Vec::new(),
        invoicing_currency: CodeNamePair::new("SEK", "Svenska kronor"),
    }
}

async fn warehouses(State(sim): State<OngoingSim>, headers: HeaderMap) -> Response {
    sim.call("Warehouses_Get", &headers, |wms| {
        let body: Vec<GetWarehouse> = wms
            .config
            .sites
            .iter()
            .map(|site| GetWarehouse {
                id: site.id,
                code: Some(site.code.clone()),
                name: Some(site.name.clone()),
                address: WarehouseAddress {
                    name: Some(site.name.clone()),
                    address1: Some(site.address1.clone()),
                    post_code: Some(site.post_code.clone()),
                    city: Some(site.city.clone()),
                    country_code: Some(site.country_code.clone()),
                },
            })
            .collect();
        Ok(json(StatusCode::OK, &body))
    })
}

async fn transporter_contracts(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("TransporterContracts_Get", &headers, |wms| {
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let body: Vec<GetTransporterContract> = CARRIERS
            .iter()
            .map(|carrier| GetTransporterContract {
                edi_code: Some(carrier.code.to_owned()),
                transporter_name: Some(carrier.name.to_owned()),
                transporter_code: Some(carrier.code.to_owned()),
                transporter_service_code: carrier
                    .services
                    .first()
                    .map(|(code, _)| (*code).to_owned()),
                transporter_services: carrier
                    .services
                    .iter()
                    .map(|(code, name)| GetTransporterService {
                        transporter_service_name: Some((*name).to_owned()),
                        transporter_service_code: Some((*code).to_owned()),
                    })
                    .collect(),
            })
            .collect();
        Ok(json(StatusCode::OK, &body))
    })
}
