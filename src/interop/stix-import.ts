import { isEntityKind, isRelationType, isSafeId, type EntityKind } from '../model';
import { foreignAttributes } from './foreign-attributes';
import { fileSource } from './import-source';
import { placeAt, RawDatasetBuilder, type ImportResult, type InputFile } from './interop-types';
import { JsonDocument } from './json-document';
import { IdAllocator } from './safe-ids';
import { stixId } from './stix';
import { IMPORTED_SDOS, relationTypeFor, STIX_RELATIONSHIP_TYPE } from './stix-mapping';
import { partialDateOf } from './time-mapping';
import { stixValueProblems } from './stix-values';
import type { RecordPlace } from '../load';

/*
 * Reading STIX 2.1 bundles written by others (OpenCTI, MISP, the OASIS examples) or by us. Kinds and types per
 * stix-mapping.ts. Ids: x_proxygraph_id when present, else a slug of the name ("APT1" → "apt1"; a hash of the STIX id
 * is added when two objects slug alike); relationships "<source>-<stix type>-<target>". The STIX id is kept in
 * attributes.stixId (and written back by the exporter); other scalar properties (and lists of text, joined with "; ")
 * go into attributes under their STIX names.
 * Evidence: a relationship's external_references (source_name → source title, url, external_id → our source id when
 * we wrote it, description → note); else the reports that list it in object_refs; else the bundle file itself.
 * Dates: x_proxygraph_start/end, else start_time / stop_time (relationships) or first_seen / last_seen (SDOs), as the
 * day of the timestamp (UTC). Confidence 0..100 → 0..1.
 */

type StixObject = Record<string, unknown>;

const STRUCTURAL = new Set(['type', 'spec_version', 'id', 'created', 'modified', 'name', 'description', 'aliases', 'first_seen', 'last_seen', 'external_references', 'object_marking_refs', 'created_by_ref', 'granular_markings', 'extensions', 'confidence', 'revoked', 'lang', 'relationship_type', 'source_ref', 'target_ref', 'start_time', 'stop_time', 'object_refs']);

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Scalar STIX properties (and lists of text) as attributes, under their own names. */
function keptProperties(object: StixObject): Record<string, string | number | boolean> {
  const picked: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(object)) {
    if (STRUCTURAL.has(name) || name.startsWith('x_proxygraph_')) continue;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) picked[name] = value.join('; ');
    else picked[name] = value;
  }
  return foreignAttributes(picked).values;
}

function kindOf(object: StixObject): EntityKind {
  if (isEntityKind(object.x_proxygraph_kind)) return object.x_proxygraph_kind;
  switch (object.type) {
    case 'identity':
      return object.identity_class === 'individual' ? 'PERSON' : 'ORGANIZATION';
    case 'threat-actor':
      return object.resource_level === 'individual' || object.x_opencti_type === 'Threat-Actor-Individual' ? 'PERSON' : 'ORGANIZATION';
    case 'location':
      return 'LOCATION';
    case 'incident':
    case 'campaign':
      return 'EVENT';
    default:
      return 'ORGANIZATION';
  }
}

interface SourceValue {
  id: string;
  title: string;
  url?: string;
  publisher?: string;
  published?: string;
}

/** Reads STIX 2.1 bundles. Pure. */
export function readStix(files: readonly InputFile[]): ImportResult {
  const result = new RawDatasetBuilder();
  const ids = new IdAllocator();
  const sourceIds = new IdAllocator();
  const sourcesSeen = new Set<string>();
  const addSource = (value: SourceValue, place: RecordPlace) => {
    if (sourcesSeen.has(value.id)) return;
    sourcesSeen.add(value.id);
    result.sources.push({ value, place });
  };
  for (const file of files) {
    const { document, problems } = JsonDocument.parse(file.text, file.name);
    result.problems.push(...problems);
    if (!document) continue;
    const list = document.get(document.root, 'objects');
    if (document.value(document.get(document.root, 'type')) !== 'bundle' || !document.isSeq(list)) {
      result.problems.push(document.shapeProblem(document.root, 'not a STIX bundle: expected { "type": "bundle", "objects": [...] }'));
      continue;
    }
    const nodes = document.items(list);
    const objects = nodes.map((node) => document.value(node) as StixObject);
    const lineOf = (index: number) => document.lineOf(nodes[index]);
    objects.forEach((object, index) => {
      if (typeof object?.type !== 'string' || !(IMPORTED_SDOS.has(object.type) || object.type === 'relationship' || object.type === 'report')) return;
      for (const [field, message] of stixValueProblems(object)) {
        const record = typeof object.id === 'string' ? object.id : undefined;
        result.problems.push({ code: 'STIX_VALUE', file: file.name, line: lineOf(index), record, field, message: `${object.type} ${field} ${message}`, hint: 'correct the value in the bundle, or remove the property' });
      }
    });
    const skipped = new Map<string, number>();
    const kinds = new Map<string, EntityKind>();
    const entityIds = new Map<string, string>();

    // Reports are sources; a relationship listed in a report cites it.
    const reportsOf = new Map<string, string[]>();
    objects.forEach((object, index) => {
      if (object?.type !== 'report' || typeof object.id !== 'string') return;
      const ours = object.x_proxygraph_source as SourceValue | undefined;
      const id = ours && isSafeId(ours.id) && sourceIds.claim(object.id, ours.id) ? ours.id : sourceIds.named(object.id, text(object.name) ?? 'report', 'report');
      const url = (object.external_references as StixObject[] | undefined)?.map((reference) => reference?.url).find((value): value is string => typeof value === 'string');
      const published = partialDateOf(text(object.published));
      addSource(ours ?? { id, title: text(object.name) ?? object.id, ...(published && { published }), ...(url && { url }) }, placeAt(file.name, lineOf(index)));
      for (const ref of Array.isArray(object.object_refs) ? object.object_refs : []) {
        if (typeof ref === 'string') reportsOf.set(ref, [...(reportsOf.get(ref) ?? []), id]);
      }
    });

    objects.forEach((object, index) => {
      if (typeof object?.type !== 'string' || typeof object.id !== 'string' || object.type === 'relationship' || object.type === 'report' || object.type === 'bundle') return;
      if (!IMPORTED_SDOS.has(object.type)) {
        skipped.set(object.type, (skipped.get(object.type) ?? 0) + 1);
        return;
      }
      const kind = kindOf(object);
      const name = text(object.name) ?? object.id;
      const id = typeof object.x_proxygraph_id === 'string' && ids.claim(object.id, object.x_proxygraph_id) ? object.x_proxygraph_id : ids.named(object.id, name, object.type);
      kinds.set(object.id, kind);
      entityIds.set(object.id, id);
      const ourAttributes = object.x_proxygraph_attributes;
      const attributes = {
        ...(typeof object.x_proxygraph_id === 'string' ? {} : { ...keptProperties(object), stixId: object.id }),
        ...(typeof ourAttributes === 'object' && ourAttributes !== null ? (ourAttributes as object) : {}),
      };
      // Ours, but with an id we did not generate (it came from elsewhere earlier): keep it, so it goes out again.
      if (typeof object.x_proxygraph_id === 'string' && (object.x_proxygraph_id !== id || object.id !== stixId(object.type, id))) Object.assign(attributes, { stixId: object.id });
      const aliases = Array.isArray(object.x_proxygraph_aliases) ? object.x_proxygraph_aliases : Array.isArray(object.aliases) ? object.aliases.filter((alias) => alias !== name) : undefined;
      const start = text(object.x_proxygraph_start) ?? partialDateOf(text(object.first_seen));
      const end = text(object.x_proxygraph_end) ?? partialDateOf(text(object.last_seen));
      const value = {
        id,
        kind,
        name,
        ...(aliases && aliases.length > 0 && { aliases }),
        ...(text(object.description) && { description: text(object.description)!.trim() }),
        ...(start && { start }),
        ...(end && { end }),
        ...(Object.keys(attributes).length > 0 && { attributes }),
      };
      result.entities.push({ value, place: placeAt(file.name, lineOf(index)) });
    });

    let citedBundle = false;
    const bundleSource = fileSource(file.name);
    const skippedRelationships = new Map<string, number>();
    objects.forEach((object, index) => {
      if (object?.type !== 'relationship' || typeof object.id !== 'string') return;
      const stixType = text(object.relationship_type) ?? 'related-to';
      const sourceKind = kinds.get(object.source_ref as string);
      const targetKind = kinds.get(object.target_ref as string);
      if (!sourceKind || !targetKind) {
        skippedRelationships.set(stixType, (skippedRelationships.get(stixType) ?? 0) + 1);
        return;
      }
      const mapped = isRelationType(object.x_proxygraph_type) ? { type: object.x_proxygraph_type, keepOriginal: false } : relationTypeFor(stixType, sourceKind, targetKind);
      if (!mapped.type) {
        result.notes.push(`${file.name}:${lineOf(index)}: ${stixType} from a ${sourceKind} to a ${targetKind} has no relation type of ours; skipped`);
        return;
      }
      const source = entityIds.get(object.source_ref as string)!;
      const target = entityIds.get(object.target_ref as string)!;
      const id = typeof object.x_proxygraph_id === 'string' && ids.claim(object.id, object.x_proxygraph_id) ? object.x_proxygraph_id : ids.named(object.id, `${source}-${stixType}-${target}`, 'relationship');
      const evidence: Record<string, unknown>[] = [];
      for (const reference of Array.isArray(object.external_references) ? (object.external_references as StixObject[]) : []) {
        const key = text(reference?.external_id) ?? text(reference?.url) ?? text(reference?.source_name);
        if (!key) continue;
        const ours = reference.x_proxygraph_locator !== undefined || reference.x_proxygraph_published !== undefined || reference.x_proxygraph_publisher !== undefined || reference.x_proxygraph_stance !== undefined || typeof object.x_proxygraph_id === 'string';
        const sourceId = ours && isSafeId(reference.external_id) ? (reference.external_id as string) : sourceIds.named(`ref:${key}`, text(reference.source_name) ?? key, 'source');
        const url = text(reference.url);
        addSource(
          {
            id: sourceId,
            title: text(reference.source_name) ?? key,
            ...(url && /^https?:\/\//i.test(url) && { url }),
            ...(text(reference.x_proxygraph_publisher) && { publisher: text(reference.x_proxygraph_publisher) }),
            ...(text(reference.x_proxygraph_published) && { published: text(reference.x_proxygraph_published) }),
          },
          placeAt(file.name, lineOf(index)),
        );
        const locator = ours ? text(reference.x_proxygraph_locator) : text(reference.external_id);
        const note = text(reference.description);
        evidence.push({ source: sourceId, ...(locator && { locator }), ...(note && { note }), ...(text(reference.x_proxygraph_stance) && { stance: reference.x_proxygraph_stance }) });
      }
      if (evidence.length === 0) for (const report of reportsOf.get(object.id) ?? []) evidence.push({ source: report, locator: `object_refs ${object.id}` });
      if (evidence.length === 0) {
        citedBundle = true;
        evidence.push({ source: bundleSource.id, locator: object.id });
      }
      const confidence = typeof object.x_proxygraph_confidence === 'number' ? object.x_proxygraph_confidence : typeof object.confidence === 'number' ? object.confidence / 100 : undefined;
      const start = text(object.x_proxygraph_start) ?? partialDateOf(text(object.start_time));
      const end = text(object.x_proxygraph_end) ?? partialDateOf(text(object.stop_time));
      const ourAttributes = object.x_proxygraph_attributes;
      const attributes = {
        ...(typeof object.x_proxygraph_id === 'string' ? {} : { ...keptProperties(object), stixId: object.id }),
        ...(typeof ourAttributes === 'object' && ourAttributes !== null ? (ourAttributes as object) : {}),
        ...((mapped.keepOriginal || STIX_RELATIONSHIP_TYPE[mapped.type] !== stixType) && { stixRelationshipType: stixType }),
      };
      if (typeof object.x_proxygraph_id === 'string' && (object.x_proxygraph_id !== id || object.id !== stixId('relationship', id))) Object.assign(attributes, { stixId: object.id });
      const value = {
        id,
        type: mapped.type,
        source,
        target,
        ...(start && { start }),
        ...(end && { end }),
        ...(confidence !== undefined && { confidence }),
        ...(object.x_proxygraph_disputed === true && { disputed: true }),
        ...(object.x_proxygraph_weight !== undefined && { weight: object.x_proxygraph_weight }),
        evidence,
        ...(Object.keys(attributes).length > 0 && { attributes }),
      };
      result.relationships.push({ value, place: placeAt(file.name, lineOf(index)) });
    });
    if (citedBundle) addSource({ id: bundleSource.id, title: `${bundleSource.title} (STIX bundle ${String(document.value(document.get(document.root, 'id')))})` }, placeAt(file.name, 1));
    const count = (map: Map<string, number>) => [...map].sort().map(([type, n]) => `${n} ${type}`).join(', ');
    if (skipped.size > 0) result.notes.push(`${file.name}: skipped objects with no kind of ours: ${count(skipped)}`);
    if (skippedRelationships.size > 0) result.notes.push(`${file.name}: skipped relationships touching them: ${count(skippedRelationships)}`);
  }
  return result.result();
}

