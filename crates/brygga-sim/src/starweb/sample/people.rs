//! Customers for the sample order book: Swedish, Norwegian and Finnish names, streets, postcodes and
//! mobile numbers. Postcodes are drawn from each city's real range (Swedish `NNN NN`, Norwegian four
//! digits, Finnish five digits), so addresses look right to anyone who knows the countries.

use super::rng::Rng;

/// Which market a customer buys from: it decides names, address format, currency and language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Market {
    Sweden,
    Norway,
    Finland,
}

/// One generated customer.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) first_name: String,
    pub(crate) last_name: String,
    pub(crate) company: Option<String>,
    pub(crate) street: String,
    pub(crate) postal_code: String,
    pub(crate) city: String,
    pub(crate) country_code: &'static str,
    pub(crate) mobile: String,
}

const SWEDISH_FIRST: &[&str] = &[
    "Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Elin", "Johanna", "Linnea", "Maja", "Ida",
    "Sofia", "Kristina", "Ingrid", "Astrid", "Lena", "Helena", "Malin", "Frida", "Ebba", "Agnes",
    "Alva", "Wilma", "Klara", "Åsa", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael",
    "Fredrik", "Oskar", "Gustav", "Nils", "Axel", "Olof", "Henrik", "Magnus", "Jonas", "Emil",
    "Viktor", "Hugo", "Björn", "Sven", "Göran", "Mats", "Örjan", "Elsa",
];

const SWEDISH_LAST: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Forsberg",
    "Sjöberg",
    "Wallin",
    "Engström",
    "Eklund",
    "Danielsson",
    "Håkansson",
    "Lundin",
    "Björk",
    "Bergman",
    "Holm",
    "Wikström",
    "Isaksson",
    "Nyström",
    "Holmberg",
    "Åberg",
    "Öberg",
    "Ek",
];

const SWEDISH_STREETS: &[&str] = &[
    "Storgatan",
    "Drottninggatan",
    "Kungsgatan",
    "Vasagatan",
    "Sveavägen",
    "Götgatan",
    "Hornsgatan",
    "Skolgatan",
    "Kyrkogatan",
    "Järnvägsgatan",
    "Parkvägen",
    "Björkvägen",
    "Tallvägen",
    "Ekvägen",
    "Granvägen",
    "Lärkvägen",
    "Södra vägen",
    "Norra allén",
    "Ringvägen",
    "Strandvägen",
    "Bäckvägen",
    "Ängsvägen",
    "Prästgårdsgatan",
    "Villagatan",
    "Fabriksgatan",
];

/// City and the range of the first three postcode digits that belongs to it.
const SWEDISH_CITIES: &[(&str, u32, u32)] = &[
    ("Stockholm", 111, 118),
    ("Göteborg", 411, 418),
    ("Malmö", 211, 217),
    ("Uppsala", 752, 754),
    ("Västerås", 722, 725),
    ("Örebro", 702, 703),
    ("Linköping", 582, 587),
    ("Helsingborg", 252, 256),
    ("Jönköping", 553, 556),
    ("Norrköping", 602, 603),
    ("Lund", 222, 227),
    ("Umeå", 903, 907),
    ("Gävle", 802, 806),
    ("Borås", 503, 507),
    ("Sundsvall", 852, 857),
    ("Luleå", 972, 977),
    ("Karlstad", 652, 656),
    ("Växjö", 352, 355),
    ("Halmstad", 302, 302),
    ("Visby", 621, 621),
    ("Östersund", 831, 831),
    ("Kiruna", 981, 981),
];

const NORWEGIAN_FIRST: &[&str] = &[
    "Ingrid", "Nora", "Emma", "Sofie", "Kari", "Silje", "Jakob", "Lars", "Ole", "Henrik", "Magnus",
    "Sindre",
];
const NORWEGIAN_LAST: &[&str] = &[
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Berg",
    "Haugen",
];
const NORWEGIAN_STREETS: &[&str] = &[
    "Storgata",
    "Kirkeveien",
    "Bygdøy allé",
    "Thorvald Meyers gate",
    "Kongens gate",
];
/// City and the range of its four-digit postcodes.
const NORWEGIAN_CITIES: &[(&str, u32, u32)] = &[
    ("Oslo", 150, 190),
    ("Bergen", 5003, 5018),
    ("Trondheim", 7010, 7030),
];

const FINNISH_FIRST: &[&str] = &[
    "Aino", "Johanna", "Mikko", "Juha", "Emilia", "Elias", "Linnea", "Oskari", "Sanna",
];
const FINNISH_LAST: &[&str] = &[
    "Virtanen",
    "Korhonen",
    "Nieminen",
    "Mäkinen",
    "Lindholm",
    "Nyberg",
    "Heikkinen",
    "Laine",
];
const FINNISH_STREETS: &[&str] = &[
    "Mannerheimintie",
    "Aleksanterinkatu",
    "Hämeenkatu",
    "Runebergsgatan",
    "Kauppakatu",
];
/// City and the range of its five-digit postcodes.
const FINNISH_CITIES: &[(&str, u32, u32)] = &[
    ("Helsingfors", 100, 990),
    ("Åbo", 20100, 20900),
    ("Tampere", 33100, 33900),
];

const COMPANY_SUFFIXES: &[&str] = &["AB", "Handelsbolag", "& Co AB", "Konsult AB"];

pub(crate) fn person(rng: &mut Rng, market: Market) -> Person {
    let (first, last, streets, cities) = match market {
        Market::Sweden => (SWEDISH_FIRST, SWEDISH_LAST, SWEDISH_STREETS, SWEDISH_CITIES),
        Market::Norway => (
            NORWEGIAN_FIRST,
            NORWEGIAN_LAST,
            NORWEGIAN_STREETS,
            NORWEGIAN_CITIES,
        ),
        Market::Finland => (FINNISH_FIRST, FINNISH_LAST, FINNISH_STREETS, FINNISH_CITIES),
    };
    let first_name = rng.pick(first).to_string();
    let last_name = rng.pick(last).to_string();
    let &(city, low, high) = rng.pick(cities);
    let number = rng.range(1, 120);
    let mut street = format!("{} {number}", rng.pick(streets));
    if rng.chance(0.15) {
        street.push_str(&format!(" lgh {}", rng.range(1001, 1403)));
    }
    let (postal_code, country_code, mobile) = match market {
        Market::Sweden => (
            format!("{} {:02}", rng.range(low, high), rng.range(0, 99)),
            "SE",
            format!(
                "+467{}{:07}",
                rng.pick(&["0", "2", "3", "6"]),
                rng.range(0, 9_999_999)
            ),
        ),
        Market::Norway => (
            format!("{:04}", rng.range(low, high)),
            "NO",
            format!("+479{:07}", rng.range(0, 9_999_999)),
        ),
        Market::Finland => (
            format!("{:05}", rng.range(low, high)),
            "FI",
            format!("+35840{:07}", rng.range(0, 9_999_999)),
        ),
    };
    let company = (market == Market::Sweden && rng.chance(0.1))
        .then(|| format!("{} {}", last_name, rng.pick(COMPANY_SUFFIXES)));
    Person {
        first_name,
        last_name,
        company,
        street,
        postal_code,
        city: city.into(),
        country_code,
        mobile,
    }
}

/// An e-mail address on a domain reserved for examples, so no real inbox is ever named.
pub(crate) fn email(person: &Person, serial: usize) -> String {
    let ascii = |name: &str| -> String {
        name.to_lowercase()
            .chars()
            .filter_map(|ch| match ch {
                'å' | 'ä' => Some('a'),
                'ö' | 'ø' => Some('o'),
                ch if ch.is_ascii_alphanumeric() => Some(ch),
                _ => None,
            })
            .collect()
    };
    let domain = ["example.com", "example.net", "example.org"][serial % 3];
    format!(
        "{}.{}{}@{domain}",
        ascii(&person.first_name),
        ascii(&person.last_name),
        serial
    )
}

/// Messages customers leave at checkout.
pub(crate) const CHECKOUT_COMMENTS: &[&str] = &[
    "Lämna paketet hos grannen om ingen är hemma.",
    "Ring 30 minuter innan leverans, tack.",
    "Present – ingen prislapp i paketet, tack!",
    "Portkod 1234.",
    "Kan ni skicka allt i samma paket?",
];
