import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import type { Actor, Role, TokenInfo } from '../store';

export const RoleEnum = { READER: 'reader', EDITOR: 'editor', ADMIN: 'admin' } as const satisfies Record<string, Role>;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a token may do; each role includes the ones before it.',
  valuesConfig: {
    READER: { description: 'Read (needed only when the server requires a token to read).' },
    EDITOR: { description: 'Read, and edit the graph.' },
    ADMIN: { description: 'Read, edit, and manage tokens.' },
  },
});

@ObjectType('Viewer', { description: 'Who the request is made as: the name and role of its token.' })
export class ViewerView implements Actor {
  @Field({ description: 'The name of the token; the history records edits under it.' })
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;
}

@ObjectType('Token', { description: 'A bearer token, without its secret (only its hash is stored).' })
export class TokenView implements TokenInfo {
  @Field()
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'The admin token (or cli, for `proxygraph token create`) that created it; null for older tokens.' })
  createdBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it stopped working; null while it works.' })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revokedBy!: string | null;
}

@ObjectType('CreatedToken', { description: 'A new token, with its secret: shown this once, never again.' })
export class CreatedTokenView {
  @Field(() => TokenView)
  token!: TokenInfo;

  @Field({ description: 'Send it as "Authorization: Bearer <secret>". It is not stored and cannot be shown again.' })
  secret!: string;
}
