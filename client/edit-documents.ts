/** The GraphQL documents of the workbench (editing, history, merges, tokens). The reading documents are in documents.ts. */

const EDIT_ENTITY = `fragment EditEntity on Entity { id kind name aliasDetails { name lang } description start end version }`;

const EDIT_RELATIONSHIP = `fragment EditRelationship on Relationship {
  id type start end confidence disputed version
  source { id name kind } target { id name kind }
  evidence { locator note stance source { id title published publisher } }
}`;

export const SESSION = `query Session { viewer { name role } editable }`;

export const ENTITY_FOR_EDIT = `query EntityForEdit($id: ID!) {
  entity(id: $id) { ...EditEntity relationships { id type source { id name } target { id name } } }
}
${EDIT_ENTITY}`;

export const RELATIONSHIP_FOR_EDIT = `query RelationshipForEdit($id: ID!) { relationship(id: $id) { ...EditRelationship } }
${EDIT_RELATIONSHIP}`;

export const SOURCES = `query Sources { sources { id title published publisher url } }`;

export const SEARCH_KINDS = `query SearchKinds($text: String!, $kinds: [EntityKind!], $limit: Int) {
  search(text: $text, kinds: $kinds, limit: $limit) { id kind name aliases start end }
}`;

export const CREATE_ENTITY = `mutation CreateEntity($input: EntityInput!) { createEntity(input: $input) { ...EditEntity } }
${EDIT_ENTITY}`;

export const UPDATE_ENTITY = `mutation UpdateEntity($id: ID!, $version: Int!, $patch: EntityPatch!) { updateEntity(id: $id, version: $version, patch: $patch) { ...EditEntity } }
${EDIT_ENTITY}`;

export const DELETE_ENTITY = `mutation DeleteEntity($id: ID!, $version: Int, $cascade: Boolean, $expected: [ID!]) {
  deleteEntity(id: $id, version: $version, cascade: $cascade, expectedRelationships: $expected) { id deletedRelationships }
}`;

export const CREATE_RELATIONSHIP = `mutation CreateRelationship($input: RelationshipInput!) { createRelationship(input: $input) { ...EditRelationship } }
${EDIT_RELATIONSHIP}`;

export const UPDATE_RELATIONSHIP = `mutation UpdateRelationship($id: ID!, $version: Int!, $patch: RelationshipPatch!) {
  updateRelationship(id: $id, version: $version, patch: $patch) { ...EditRelationship }
}
${EDIT_RELATIONSHIP}`;

export const DELETE_RELATIONSHIP = `mutation DeleteRelationship($id: ID!, $version: Int) { deleteRelationship(id: $id, version: $version) }`;

export const ADD_EVIDENCE = `mutation AddEvidence($relationship: ID!, $evidence: EvidenceInput!, $version: Int) {
  addEvidence(relationship: $relationship, evidence: $evidence, version: $version) { ...EditRelationship }
}
${EDIT_RELATIONSHIP}`;

export const CREATE_SOURCE = `mutation CreateSource($input: SourceInput!) { createSource(input: $input) { id title published publisher url } }`;

export const HISTORY = `query History($id: ID!) { history(id: $id, limit: 200) { seq at actor operation op kind id version before after } }`;

export const RECENT_CHANGES = `query RecentChanges($since: Int!, $limit: Int!) { changes(since: $since, limit: $limit) { changes { seq at actor operation op kind id version before after } lastSeq } }`;

export const MERGES = `query Merges($entity: ID!) { merges(entity: $entity) { id keep merged mergedName relationships at actor undoneAt undoneBy } }`;

export const MERGE_PREVIEW = `query MergePreview($keep: ID!, $merge: ID!) {
  mergePreview(keep: $keep, merge: $merge) {
    entity { ...EditEntity } merged { ...EditEntity } addedAliases takenFields
    repointed { id type source { id name } target { id name } }
    combined { addedEvidence removed { id type source { id name } target { id name } } into { id type source { id name } target { id name } } }
    dropped { id type source { id name } target { id name } }
  }
}
${EDIT_ENTITY}`;

export const MERGE_ENTITIES = `mutation MergeEntities($keep: ID!, $merge: ID!, $keepVersion: Int, $mergeVersion: Int) {
  mergeEntities(keep: $keep, merge: $merge, keepVersion: $keepVersion, mergeVersion: $mergeVersion) { mergeId repointed dropped combined { removed into } entity { id name } }
}`;

export const UNMERGE = `mutation Unmerge($mergeId: Int!) { unmerge(mergeId: $mergeId) { mergeId restored missing entity { id name } keep { id name } } }`;

export const REVERT = `mutation Revert($id: ID!, $toVersion: Int!, $version: Int) {
  revert(id: $id, toVersion: $toVersion, version: $version) { id revertedTo entity { id version } relationship { id version } }
}`;

const TOKEN_FIELDS = 'name role createdAt createdBy revokedAt revokedBy';

export const TOKENS = `query Tokens { tokens { ${TOKEN_FIELDS} } }`;

export const CREATE_TOKEN = `mutation CreateToken($name: String!, $role: Role!) { createToken(name: $name, role: $role) { secret token { ${TOKEN_FIELDS} } } }`;

export const REVOKE_TOKEN = `mutation RevokeToken($name: String!) { revokeToken(name: $name) { ${TOKEN_FIELDS} } }`;
