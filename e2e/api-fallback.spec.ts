import { PEOPLE } from "./accounts";
import { expect, pageAs, test } from "./fixtures";

// Against the running server: the proxy answers for /api/v1 before Next would fall back to the
// portal's HTML not-found page or to its empty 405.
test("an unknown API path is a problem+json 404 and an unserved method a 405 with Allow", async ({
  browser,
  request,
}) => {
  const missing = await request.get("/api/v1/no-such-endpoint");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("application/problem+json");
  expect(await missing.json()).toMatchObject({ status: 404, title: "Not found" });

  const deeper = await request.get("/api/v1/changes/00000000-0000-4000-8000-000000000000/no-such-part");
  expect(deeper.status()).toBe(404);
  expect(await deeper.text()).not.toContain("<html");

  const wrongMethod = await request.delete("/api/v1/health");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["content-type"]).toBe("application/problem+json");
  expect(wrongMethod.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(await wrongMethod.json()).toMatchObject({ status: 405, title: "Method not allowed" });

  // Served paths and methods still reach their routes, signed in or not.
  expect((await request.get("/api/v1/health")).status()).toBe(200);
  expect((await request.get("/api/v1/me")).status()).toBe(401);
  const user = await pageAs(browser, PEOPLE.gcrRequester);
  const me = await user.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  const put = await user.request.put("/api/v1/me", { headers: { origin: new URL(me.url()).origin } });
  expect(put.status()).toBe(405);
  expect(put.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  await user.context().close();
});
