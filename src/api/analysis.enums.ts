import { registerEnumType } from 'type-graphql';
import type { BrokerGroup } from '../analysis';
import { CHANGE_KINDS, INTERVALS, MEASURE_DEFINITIONS, MEASURES, type ChangeKind, type Interval, type Measure } from '../model';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const MeasureEnum = enumOf<Measure>(MEASURES);
registerEnumType(MeasureEnum, {
  name: 'Measure',
  description: 'A centrality measure (see the README, "Network analysis", for the exact definitions).',
  valuesConfig: Object.fromEntries(MEASURES.map((measure) => [measure, { description: MEASURE_DEFINITIONS[measure] }])),
});

export const ChangeKindEnum = enumOf<ChangeKind>(CHANGE_KINDS);
registerEnumType(ChangeKindEnum, {
  name: 'ChangeKind',
  description: 'How something changed between two dates.',
  valuesConfig: {
    BEGAN: { description: 'In the network as of `to`, not as of `from` (for an entity: appeared).' },
    ENDED: { description: 'In the network as of `from`, not as of `to` (for an entity: disappeared).' },
    BEGAN_AND_ENDED: { description: 'In neither: it began and ended strictly between the two dates.' },
  },
});

export const IntervalEnum = enumOf<Interval>(INTERVALS);
registerEnumType(IntervalEnum, { name: 'Interval', description: 'The width of a timeline bucket.' });

export const BrokerGroupEnum = enumOf<BrokerGroup>(['FROM', 'TO']);
registerEnumType(BrokerGroupEnum, { name: 'BrokerGroup', description: 'Which of the two groups a broker belongs to itself.' });
