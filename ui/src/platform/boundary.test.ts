import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const src = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe("platform boundary", () => {
  it("keeps every @tauri-apps import inside src/platform/", () => {
    const files = sourceFiles(src);
    expect(files.length, "the scan must see the source tree, or it proves nothing").toBeGreaterThan(20);
    const offenders = files
      .filter((file) => !relative(src, file).startsWith(`platform${sep}`))
      .filter((file) => /from\s+["']@tauri-apps\//.test(readFileSync(file, "utf8")))
      .map((file) => relative(src, file));
    expect(offenders, "screens call platform's typed call(), so the UI can run on mocks or another shell").toEqual([]);
  });
});
