import { createContext, useContext, type ReactNode } from "react";
import type { Screen } from "./screens";

/**
 * Where to go: a screen, and optionally what to open there (an order number, a shipping method id),
 * so a "needs attention" entry can lead straight to its fix.
 */
export type Destination = { screen: Screen; focus?: string };

type Navigation = { current: Destination; navigate: (to: Destination) => void };

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ value, children }: { value: Navigation; children: ReactNode }) {
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/** Moves to another screen; outside the shell (isolated component tests) it does nothing. */
export function useNavigate(): (to: Destination) => void {
  return useContext(NavigationContext)?.navigate ?? noWhere;
}

/** What the current screen was asked to open, if anything. */
export function useFocus(): string | undefined {
  return useContext(NavigationContext)?.current.focus;
}

function noWhere(): void {}
