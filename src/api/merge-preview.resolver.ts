import { Arg, ID, Query, Resolver } from 'type-graphql';
import type { RelationshipRecord } from '../model';
import { previewMerge, type MergePreview } from '../store';
import { GraphService } from './graph-service';
import { MergePreviewView } from './mutation.types';

type PreviewOut = Omit<MergePreview, 'combined'> & { combined: { removed: RelationshipRecord; into: RelationshipRecord; addedEvidence: number }[] };

@Resolver()
export class MergePreviewResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => MergePreviewView, { description: 'What mergeEntities(keep, merge) would do, worked out without doing it: for a review before merging.' })
  mergePreview(@Arg('keep', () => ID) keep: string, @Arg('merge', () => ID) merge: string): PreviewOut {
    const preview = previewMerge(this.service.graph, keep, merge);
    const graph = this.service.graph;
    return { ...preview, combined: preview.combined.map((item) => ({ ...item, into: graph.getEdgeAttributes(item.into).record })) };
  }
}
