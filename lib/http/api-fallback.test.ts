import { describe, expect, it } from "vitest";
import { apiFallback, apiFallbackResponse, matchApiRoute } from "./api-fallback";

const ID = "7d1b1a8e-5a4f-4c3e-9d2b-1a2b3c4d5e6f";

describe("the API's answer for unknown paths and methods", () => {
  it.each([
    ["GET", "/api/v1/health"],
    ["HEAD", "/api/v1/health"],
    ["OPTIONS", "/api/v1/health"],
    ["GET", `/api/v1/changes/${ID}`],
    ["PATCH", `/api/v1/changes/${ID}`],
    ["POST", `/api/v1/changes/${ID}/signoffs`],
    ["GET", "/api/v1/calendar/GCR.ics"],
    ["GET", "/api/v1/assets/export.csv"],
    ["get", "/api/v1/me/"],
  ])("%s %s goes to its route", (method, path) => {
    expect(apiFallback(method, path)).toBeNull();
  });

  it.each([
    ["/api/v1"],
    ["/api/v1/"],
    ["/api/v1/nothing-here"],
    [`/api/v1/changes/${ID}/unknown`],
    [`/api/v1/changes/${ID}/signoffs/extra`],
    ["/api/v1/health/deeper"],
  ])("%s is a 404", (path) => {
    expect(apiFallback("GET", path)).toEqual({ status: 404 });
  });

  it.each([
    ["POST", "/api/v1/health", ["GET", "HEAD", "OPTIONS"]],
    ["DELETE", `/api/v1/changes/${ID}`, ["GET", "HEAD", "OPTIONS", "PATCH"]],
    ["PUT", "/api/v1/windows", ["GET", "HEAD", "OPTIONS", "POST"]],
    ["GET", `/api/v1/changes/${ID}/submit`, ["OPTIONS", "POST"]],
    // A literal segment wins over a parameter, as in Next: export.csv is not an asset id.
    ["PATCH", "/api/v1/assets/export.csv", ["GET", "HEAD", "OPTIONS"]],
  ])("%s %s is a 405 allowing %j", (method, path, allow) => {
    expect(apiFallback(method, path)).toEqual({ status: 405, allow });
  });

  it("prefers the literal route when a parameter could also match", () => {
    expect(matchApiRoute("/api/v1/assets/import")?.path).toBe("/api/v1/assets/import");
    expect(matchApiRoute(`/api/v1/assets/${ID}`)?.path).toBe("/api/v1/assets/{id}");
  });

  it("answers problem+json with the endpoint named, and Allow on a 405", async () => {
    const missing = apiFallbackResponse("GET", "/api/v1/nothing-here")!;
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(await missing.json()).toMatchObject({
      status: 404,
      title: "Not found",
      detail: expect.stringContaining("/api/v1/openapi.json"),
    });
    const wrong = apiFallbackResponse("DELETE", "/api/v1/health")!;
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await wrong.json()).toMatchObject({
      status: 405,
      title: "Method not allowed",
      detail: "/api/v1/health does not answer DELETE; it answers GET, HEAD, OPTIONS.",
    });
    expect(apiFallbackResponse("GET", "/api/v1/health")).toBeNull();
  });
});
