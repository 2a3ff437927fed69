import type { NavGroup, Screen } from "../navigation/screens";
import { NAV_GROUPS } from "../navigation/screens";
import { useT } from "../i18n";

type SidebarProps = {
  current: Screen;
  onNavigate: (screen: Screen) => void;
};

export function Sidebar({ current, onNavigate }: SidebarProps) {
  const t = useT();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true" />
        <div>
          <p className="sidebar__name">{t("app.name")}</p>
          <p className="sidebar__tagline">{t("app.tagline")}</p>
        </div>
      </div>
      <nav className="sidebar__nav" aria-label={t("nav.label")}>
        {NAV_GROUPS.map((group) => (
          <NavList key={group.section ?? "top"} group={group} current={current} onNavigate={onNavigate} />
        ))}
      </nav>
    </aside>
  );
}

function NavList({ group, current, onNavigate }: SidebarProps & { group: NavGroup }) {
  const t = useT();
  const headingId = group.section === null ? undefined : `nav-section-${group.section}`;
  return (
    <div className="sidebar__group">
      {group.section !== null && (
        <p className="sidebar__section" id={headingId}>
          {t(`nav.sections.${group.section}`)}
        </p>
      )}
      <ul className="sidebar__list" aria-labelledby={headingId}>
        {group.screens.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="sidebar__item"
              data-screen={screen}
              aria-current={screen === current ? "page" : undefined}
              onClick={() => onNavigate(screen)}
            >
              {t(`screens.${screen}`)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
