import type { FlowName } from "../../bindings/FlowName";
import { useFocus } from "../../navigation/navigate";
import { FailedCallsList } from "./FailedCallsList";
import { RunNowPanel, FLOWS } from "./RunNowPanel";
import { RunsTable } from "./RunsTable";
import "./SyncLog.css";

/**
 * Synklogg: run a flow now and watch its progress, every run with its counts and duration, and every
 * call that failed with its reason and a retry. Opened with a flow as focus, the runs start filtered
 * to it; with a call id, that call is marked.
 */
export function SyncLogScreen() {
  const focus = useFocus();
  const flow = FLOWS.find((name) => name === focus) ?? null;
  const call = focus !== undefined && /^\d+$/.test(focus) ? Number(focus) : null;
  return (
    <div className="sync-log" data-testid="sync-log">
      <RunNowPanel />
      <FailedCallsList focus={call} />
      <RunsTable key={flow ?? "all"} initialFlow={flow as FlowName | null} />
    </div>
  );
}
