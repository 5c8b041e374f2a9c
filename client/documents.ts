/** The GraphQL documents the client sends. One place, so the e2e tests and the views ask for the same fields. */

export const ENTITY_FIELDS = `fragment EntityFields on Entity { id kind name aliases aliasDetails { name lang } description start end attributes { key value } }`;

export const RELATIONSHIP_FIELDS = `fragment RelationshipFields on Relationship {
  id type temporality start end confidence disputed weight
  source { id } target { id }
  attributes { key value }
  evidence { locator note stance source { id title published publisher url } }
}`;

export const STATS = `query Stats($asOf: String) {
  stats(asOf: $asOf) { entities relationships earliest latest byKind { kind count } byType { type count } }
}`;

export const RELATION_TYPES = `query RelationTypes {
  relationTypes { type definition reading symmetric temporality sourceKinds targetKinds }
}`;

export const NETWORK = `query Network($asOf: String) {
  network(asOf: $asOf) { truncated nodes { ...EntityFields } edges { ...RelationshipFields } }
}
${ENTITY_FIELDS}
${RELATIONSHIP_FIELDS}`;

export const SEARCH = `query Search($text: String!, $limit: Int) {
  search(text: $text, limit: $limit) { id kind name aliases start end }
}`;

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int, $types: [RelationType!], $asOf: String, $limit: Int) {
  neighborhood(id: $id, depth: $depth, types: $types, asOf: $asOf, limit: $limit) {
    truncated nodes { ...EntityFields } edges { ...RelationshipFields } more { entity type count }
  }
}
${ENTITY_FIELDS}
${RELATIONSHIP_FIELDS}`;

/** An entity for the panel: its first page of relationships, and how many there are in all (the rest come by RELATIONSHIP_PAGE). */
export const ENTITY = `query Entity($id: ID!, $asOf: String) {
  entity(id: $id) {
    ...EntityFields
    degree(asOf: $asOf)
    relationships(asOf: $asOf) { ...RelationshipFields source { id name kind } target { id name kind } }
  }
}
${ENTITY_FIELDS}
${RELATIONSHIP_FIELDS}`;

/** The next page of an entity's relationships (in id order, after the last one shown), with both ends whole so they can be drawn. */
export const RELATIONSHIP_PAGE = `query RelationshipPage($id: ID!, $asOf: String, $types: [RelationType!], $after: ID, $first: Int) {
  entity(id: $id) {
    degree(asOf: $asOf, types: $types)
    relationships(asOf: $asOf, types: $types, after: $after, first: $first) {
      ...RelationshipFields source { ...EntityFields } target { ...EntityFields }
    }
  }
}
${ENTITY_FIELDS}
${RELATIONSHIP_FIELDS}`;

/** A path as the path results list shows it: every hop with its evidence and the other relationships between its two entities. */
export const PATH_FIELDS = `fragment PathFields on Path {
  length cost
  nodes { ...EntityFields }
  hops { forward from { id name kind } to { id name kind } relationship { ...RelationshipFields } alternatives { ...RelationshipFields } }
}`;

export const PATHS = `query Paths($from: ID!, $to: ID!, $k: Int, $types: [RelationType!], $directed: Boolean, $asOf: String, $avoid: [ID!], $chronological: Boolean) {
  paths(from: $from, to: $to, k: $k, types: $types, directed: $directed, asOf: $asOf, avoid: $avoid, chronological: $chronological) { ...PathFields }
}
${PATH_FIELDS}
${ENTITY_FIELDS}
${RELATIONSHIP_FIELDS}`;
