//! What a simulated Ongoing system is set up with: its warehouse name in the base URL, the API
//! user's credentials, the one goods owner that user belongs to, and the physical warehouses.

/// Who may call the simulated API and what the 3PL's system looks like.
#[derive(Debug, Clone, PartialEq)]
pub struct OngoingConfig {
    /// The `{warehouse}` segment of the base URL, e.g. `brygga-demo`.
    pub warehouse: String,
    /// The API user's name for HTTP Basic auth.
    pub user: String,
    pub password: String,
    /// The one goods owner the API user belongs to.
    pub goods_owner_id: i32,
    pub goods_owner_name: String,
    /// The physical warehouses; the first is the goods owner's default.
    pub sites: Vec<WarehouseSite>,
}

/// One physical warehouse of the 3PL (`GET /api/v1/warehouses`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarehouseSite {
    pub id: i32,
    pub code: String,
    pub name: String,
    pub address1: String,
    pub post_code: String,
    pub city: String,
    pub country_code: String,
}

impl Default for OngoingConfig {
    /// The demo system `brygga demo` starts: one goods owner in one warehouse in Borås.
    fn default() -> Self {
        Self {
            warehouse: "brygga-demo".to_owned(),
            user: "brygga-demo-api".to_owned(),
            password: "demo-password".to_owned(),
            goods_owner_id: 162,
            goods_owner_name: "Brygga Demo AB".to_owned(),
            sites: vec![WarehouseSite {
                id: 1,
                code: "BOR".to_owned(),
                name: "Lagret i Borås".to_owned(),
                address1: "Lagervägen 12".to_owned(),
                post_code: "504 62".to_owned(),
                city: "Borås".to_owned(),
                country_code: "SE".to_owned(),
            }],
        }
    }
}
