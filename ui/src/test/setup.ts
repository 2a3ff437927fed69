import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { clearCommandMocks } from "../platform/testing";

afterEach(() => {
  cleanup();
  clearCommandMocks();
  window.localStorage.clear();
  document.documentElement.lang = "";
});
