import { CUES, locatorOf, readDates, ruleFor, splitParagraphs } from './imports';
import { read, stated } from './helpers';

describe('the cue table', () => {
  // Every row carries an example sentence and the relationship it must give: each cue family is tested by its rows.
  test.each(CUES.map((cue) => [cue.id, cue.family, cue.example.text, cue.example.gives] as const))('%s (%s): "%s" gives %s', (_id, _family, text, gives) => {
    const reading = read(text, { published: '2024-04-21' });
    const [type, ...rest] = gives.split(' ');
    const names = reading.proposals.filter((proposal) => proposal.type === type).map((proposal) => `${proposal.source.name} ${proposal.target.name}`);
    const endsOf = (proposal: (typeof reading.proposals)[number]) => [proposal.source, proposal.target].map((end) => [end.name, reading.mentions.find((mention) => mention.id === end.mention)?.text ?? end.name]);
    const spelled = reading.proposals
      .filter((proposal) => proposal.type === type)
      .flatMap((proposal) => {
        const [source, target] = endsOf(proposal);
        return source.flatMap((a) => target.map((b) => `${a} ${b}`));
      });
    expect([...names, ...spelled]).toContain(rest.join(' '));
  });

  test('every family the issue names has rows', () => {
    const families = new Set(CUES.map((cue) => cue.family));
    for (const family of ['appositive', 'passive', 'compound', 'membership', 'attack', 'killing', 'kidnapping', 'threat', 'location']) expect(families).toContain(family);
  });

  test('appositives in three orders: "X, the leader of Y", "Y\'s leader X", "the head of Y, X"', () => {
    expect(stated(read('Qais Khazali, the leader of Asaib Ahl al-Haq, spoke.'))).toContain('LEADS qais-khazali asaib-ahl-al-haq');
    expect(stated(read("Asaib Ahl al-Haq's leader Qais Khazali spoke."))).toContain('LEADS qais-khazali asaib-ahl-al-haq');
    expect(stated(read('The head of Asaib Ahl al-Haq, Qais Khazali, spoke.'))).toContain('LEADS qais-khazali asaib-ahl-al-haq');
  });

  test('passives and compounds: "backed by Iran", "killed by a US airstrike", "Iran-backed"', () => {
    expect(stated(read('Kataib Hezbollah, which is backed by Iran, fired.'))).toContain('BACKS iran kataib-hezbollah');
    expect(stated(read('Abu Mahdi al-Muhandis was killed by a US airstrike in Baghdad.'))).toContain('KILLED united-states abu-mahdi-al-muhandis');
    expect(stated(read('The Iran-backed Kataib Hezbollah fired.'))).toContain('BACKS iran kataib-hezbollah');
  });

  test('no proposal breaks a relation rule, and the kind of a new name comes from the rule', () => {
    const reading = read('Abu Fadak al-Mohammedawi, the leader of Kataib Hezbollah, spoke. Kataib Hezbollah attacked Camp Victory.');
    for (const proposal of reading.proposals) {
      const rule = ruleFor(proposal.type);
      expect(rule.sourceKinds).toContain(proposal.source.kind);
      expect(rule.targetKinds).toContain(proposal.target.kind);
    }
    expect(reading.newEntities.find((entity) => entity.name === 'Abu Fadak al-Mohammedawi')?.kind).toBe('PERSON');
  });

  test('an event is recognised by a head word of its kind, and is at the place it struck, not at the places that hold it', () => {
    const reading = read('In January 2020, Iran fired ballistic missiles at the US facility at Ain al-Asad Air Base in Iraq.');
    const stated_ = stated(reading);
    expect(stated_).toEqual(expect.arrayContaining(['PERPETRATED iran iran-missile-attack-on-ain-al-asad-2020', 'TARGETED iran-missile-attack-on-ain-al-asad-2020 ain-al-asad-air-base', 'LOCATED_AT iran-missile-attack-on-ain-al-asad-2020 ain-al-asad-air-base']));
    expect(stated_).not.toContain('LOCATED_AT iran-missile-attack-on-ain-al-asad-2020 iraq');
    expect(stated_).not.toContain('LOCATED_AT iran-missile-attack-on-ain-al-asad-2020 united-states');
  });

  test('lists: a state listed with groups fills the slot with them; a name qualifying a compound is no member', () => {
    expect(stated(read('Kataib Hezbollah threatens US forces in Iraq and also Israel.'))).toEqual(expect.arrayContaining(['THREATENED kataib-hezbollah us-military', 'THREATENED kataib-hezbollah israel']));
    expect(stated(read('Money reached Hamas and other Iranian-backed groups.'))).not.toContain('BACKS hamas iran');
  });

  test('a passive is no act of its subject: "US forces were hit", "Israelis were killed in a Hamas attack"', () => {
    expect(stated(read('US forces in Iraq and Syria were hit on 20 October 2023.')).filter((fact) => fact.startsWith('PERPETRATED us-military'))).toEqual([]);
    expect(stated(read('Israelis were killed in a Hamas attack on October 7, 2023.')).filter((fact) => fact.startsWith('PERPETRATED israel') || fact.startsWith('ATTACKED israel'))).toEqual([]);
  });

  test('hedges lower confidence and are listed; denials give nothing', () => {
    const plain = read('Kataib Hezbollah attacked Tower 22.').proposals.find((proposal) => proposal.type === 'ATTACKED')!;
    const hedged = read('Kataib Hezbollah reportedly attacked Tower 22.').proposals.find((proposal) => proposal.type === 'ATTACKED')!;
    expect(hedged.confidence).toBeLessThan(plain.confidence);
    expect(hedged.hedges).toContain('reportedly');
    expect(stated(read('Kataib Hezbollah did not attack Tower 22.'))).not.toContain('ATTACKED kataib-hezbollah tower-22');
  });

  test('evidence: the paragraph, its ¶ locator and a quote that is an exact substring of it', () => {
    const reading = read('A heading\n\nKataib Hezbollah attacked Tower 22 on Sunday.\n\nQais Khazali, the leader of Asaib Ahl al-Haq, spoke.');
    expect(reading.proposals.length).toBeGreaterThan(0);
    for (const proposal of reading.proposals) {
      expect(reading.paragraphs[proposal.evidence.paragraph - 1]).toContain(proposal.evidence.quote);
      expect(proposal.evidence.locator).toBe(locatorOf(proposal.evidence.paragraph));
    }
    expect(reading.proposals.find((proposal) => proposal.type === 'LEADS')?.evidence.locator).toBe('¶3');
  });
});

describe('paragraphs and dates', () => {
  test('paragraphs are blank-line separated blocks, headings counting, like the ¶ locators', () => {
    expect(splitParagraphs('Title\n\nFirst line\nsame paragraph\n \t\nSecond\n\n\n\nThird')).toEqual(['Title', 'First line\nsame paragraph', 'Second', 'Third']);
  });

  test.each([
    ['on Friday', '2024-04-19'],
    ['last month', '2024-03'],
    ['on June 25', '2023-06-25'],
    ['in 2014', '2014'],
    ['on January 27, 2024', '2024-01-27'],
    ['last year', '2023'],
  ])('"%s" published 2024-04-21 (a Sunday) is %s', (phrase, value) => {
    expect(readDates(`It happened ${phrase}.`, '2024-04-21').map((date) => date.value)).toEqual([value]);
  });

  test('a month without a year takes the year the paragraph is telling about', () => {
    expect(readDates('In 2021, they struck. In May, they launched a drone.', '2024-04-21').map((date) => date.value)).toEqual(['2021', '2021-05']);
  });

  test('event proposals carry the date the sentence states', () => {
    const proposal = read('Hamas attacked Israel on October 7.', { published: '2024-04-21' }).proposals.find((candidate) => candidate.type === 'ATTACKED');
    expect(proposal?.start).toBe('2023-10-07');
  });
});
