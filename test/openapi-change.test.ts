import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { type changeListItemResponse, changeResponse } from "@/lib/openapi/paths/changes";
import type { ChangeListItem, ChangeView } from "@/lib/types/changes";
import type { modelResponse, modelSummaryResponse } from "@/lib/openapi/paths/catalog";
import type { ModelSummary, ModelView } from "@/lib/types/catalog";

describe("the Change resource", () => {
  it("is the same type in TypeScript (ChangeView) and in the OpenAPI document", () => {
    expectTypeOf<z.output<typeof changeResponse>>().toEqualTypeOf<ChangeView>();
    expectTypeOf<z.output<typeof changeListItemResponse>>().toEqualTypeOf<ChangeListItem>();
  });

  // The type check above runs in \`npm run typecheck\`; this one reads the document as a client would.
  it("is published under components.schemas.Change with every field of ChangeView required", async () => {
    const { openApiDocument } = await import("@/lib/openapi");
    const schemas = (openApiDocument().components as { schemas: Record<string, Record<string, unknown>> })
      .schemas;
    const keys = Object.keys(changeResponse.shape).sort();
    expect(Object.keys(schemas.Change!.properties as object).sort()).toEqual(keys);
    expect([...(schemas.Change!.required as string[])].sort()).toEqual(keys);
  });
});

describe("the StandardModel resource", () => {
  it("is the same type in TypeScript and in the OpenAPI document", () => {
    expectTypeOf<z.output<typeof modelResponse>>().toEqualTypeOf<ModelView>();
    expectTypeOf<z.output<typeof modelSummaryResponse>>().toEqualTypeOf<ModelSummary>();
  });
});
