// Territory payloads: the org tree and grids with their boundaries (GeoJSON, WGS84).
import { Type, type Static } from 'typebox';

const ORG_UNIT_KINDS = ['county', 'township', 'village', 'community', 'resident_group', 'grid'] as const;

/** A GeoJSON Polygon: [longitude, latitude] positions, outer ring first, holes after. */
export const PolygonSchema = Type.Object(
  {
    type: Type.Literal('Polygon'),
    coordinates: Type.Array(
      Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }), { minItems: 4, maxItems: 10_000 }),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const OrgUnitSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum([...ORG_UNIT_KINDS]),
  path: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  children: Type.Integer({ description: 'units directly below, grids included' }),
});
export type OrgUnit = Static<typeof OrgUnitSchema>;

export const GridSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  path: Type.String(),
  villageId: Type.String(),
  boundary: Type.Union([PolygonSchema, Type.Null()]),
  areaM2: Type.Union([Type.Number(), Type.Null()]),
  workers: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String(), role: Type.String() })),
});
export type Grid = Static<typeof GridSchema>;

export const CreateGridBodySchema = Type.Object(
  {
    villageId: Type.String({ minLength: 1, maxLength: 36 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    boundary: Type.Optional(PolygonSchema),
  },
  { additionalProperties: false },
);
export type CreateGridBody = Static<typeof CreateGridBodySchema>;

export const UpdateGridBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    boundary: Type.Optional(Type.Union([PolygonSchema, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGridBody = Static<typeof UpdateGridBodySchema>;

export const SplitGridBodySchema = Type.Object(
  {
    parts: Type.Array(
      Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), boundary: PolygonSchema }, { additionalProperties: false }),
      { minItems: 2, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
export type SplitGridBody = Static<typeof SplitGridBodySchema>;

export const MergeGridsBodySchema = Type.Object(
  {
    gridIds: Type.Array(Type.String({ minLength: 1, maxLength: 36 }), { minItems: 2, maxItems: 10, uniqueItems: true }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type MergeGridsBody = Static<typeof MergeGridsBodySchema>;

export const AssignWorkersBodySchema = Type.Object(
  { accountIds: Type.Array(Type.String({ minLength: 1, maxLength: 36 }), { maxItems: 50, uniqueItems: true }) },
  { additionalProperties: false },
);

export const LocateQuerySchema = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  },
  { additionalProperties: false },
);
