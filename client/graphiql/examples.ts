/** The example queries GraphiQL opens with, one tab each. */
export const EXAMPLE_TABS = [
  {
    query: `# Counts by kind and type, and the date range of the data.
query Stats {
  stats {
    entities
    relationships
    earliest
    latest
    byKind { kind count }
    byType { type count }
  }
}
`,
  },
  {
    query: `# Names and aliases in any script; small typos do not matter.
query Search {
  search(text: "Hashd al-Shaabi", limit: 5) {
    id
    kind
    name
    aliases
  }
}
`,
  },
  {
    query: `# Everything within one hop of Kata'ib Hezbollah, with the evidence.
query Neighborhood {
  neighborhood(id: "kataib-hezbollah", depth: 1) {
    nodes { id kind name }
    edges {
      id
      type
      source { name }
      target { name }
      start
      end
      evidence { locator note source { title published } }
    }
  }
}
`,
  },
  {
    query: `# How Iran connects to the drone attack in Jordan (January 2024), hop by hop.
query Paths {
  paths(from: "iran", to: "jordan-drone-attack-2024", k: 3) {
    length
    nodes { name }
    hops {
      forward
      from { name }
      to { name }
      relationship {
        type
        start
        evidence { locator note source { title } }
      }
    }
  }
}
`,
  },
  {
    query: `# Who brokers between the Iraqi militias and Israel, and what ended between 2019 and 2021.
query Analysis {
  metrics(asOf: "2019", orderBy: BETWEENNESS, limit: 5) {
    betweenness { approximate samples errorBound }
    items { rank entity { name } betweenness pagerank community }
  }
  brokers(from: ["kataib-hezbollah", "asaib-ahl-al-haq", "badr-organization"], to: ["israel"], limit: 3) {
    brokers { rank share entity { name } paths { nodes { name } } }
  }
  changesBetween(from: "2019", to: "2021") {
    ended { total items { date relationship { type source { name } target { name } evidence { locator note } } } }
  }
}
`,
  },
] as const;
