import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { NotFoundError } from '../model';
import { authorize, createToken, getToken, listTokens, revokeToken, type Role, type TokenInfo } from '../store';
import type { AuthContext } from './auth-context';
import { GraphService } from './graph-service';
import { editorOf } from './mutation.resolver';
import { CreatedTokenView, RoleEnum, TokenView, ViewerView } from './token.type';

/** Who is asking, and the management of tokens by admins (the same store functions as `proxygraph token`). */
@Resolver()
export class TokenResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => ViewerView, { nullable: true, description: 'The token the request was made with (name and role); null without one.' })
  viewer(@Ctx() context: AuthContext): ViewerView | null {
    return context.actor ? { name: context.actor.name, role: context.actor.role } : null;
  }

  @Query(() => Boolean, { description: 'True when this server has a store: edits are accepted (with an editor token) and recorded.' })
  editable(): boolean {
    return this.service.editor !== null;
  }

  @Query(() => [TokenView], { description: 'Every token, revoked ones too, by name. Needs the admin role.' })
  async tokens(@Ctx() context: AuthContext): Promise<TokenInfo[]> {
    authorize(context.actor, 'admin', 'tokens');
    return listTokens(editorOf(this.service).store);
  }

  @Mutation(() => CreatedTokenView, { description: 'Creates a token and returns its secret, this once. Needs the admin role.' })
  async createToken(@Arg('name') name: string, @Arg('role', () => RoleEnum) role: Role, @Ctx() context: AuthContext): Promise<CreatedTokenView> {
    const admin = authorize(context.actor, 'admin', 'createToken');
    const store = editorOf(this.service).store;
    const secret = await createToken(store, name, role, admin.name);
    return { token: (await getToken(store, name))!, secret };
  }

  @Mutation(() => TokenView, { description: 'Revokes a token at once. Needs the admin role; the last working admin token cannot be revoked here.' })
  async revokeToken(@Arg('name') name: string, @Ctx() context: AuthContext): Promise<TokenInfo> {
    const admin = authorize(context.actor, 'admin', 'revokeToken');
    const store = editorOf(this.service).store;
    if (!(await getToken(store, name))) throw new NotFoundError('token', name);
    await revokeToken(store, name, { by: admin.name, keepLastAdmin: true });
    return (await getToken(store, name))!;
  }
}
