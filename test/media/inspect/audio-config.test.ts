// parseAacConfig on AudioSpecificConfigs written field by field (ISO/IEC 14496-3 §1.6.2.1): escaped object
// types, explicit frequencies, channel configurations, GASpecificConfig variants, SBR/PS sync extensions and
// configs cut short at each field.
import { describe, expect, test } from "@jest/globals";
import { parseAacConfig } from "../../../src/media/inspect/audio-config.js";
import { bitFields } from "./fixtures.js";

type Field = [number, number];
const type = (t: number): Field[] =>
  t >= 31
    ? [
        [31, 5],
        [t - 32, 6],
      ]
    : [[t, 5]];
/** Object type, sampling frequency index 4 (44.1 kHz), channel configuration. */
const head = (t: number, channels = 2): Field[] => [
  ...type(t),
  [4, 4],
  [channels, 4],
];
/** frameLengthFlag 0, dependsOnCoreCoder 0, extensionFlag 0. */
const GA: Field[] = [
  [0, 1],
  [0, 1],
  [0, 1],
];
/** Sync extension 0x2b7, extension type 5 (SBR), sbrPresentFlag, and when 1 the extension frequency index 3. */
const sync = (sbr: number): Field[] =>
  sbr
    ? [
        [0x2b7, 11],
        [5, 5],
        [1, 1],
        [3, 4],
      ]
    : [
        [0x2b7, 11],
        [5, 5],
        [0, 1],
      ];
/** Sync extension 0x548 with psPresentFlag. */
const psSync = (ps: number): Field[] => [
  [0x548, 11],
  [ps, 1],
];

const parse = (...fields: Field[][]) =>
  parseAacConfig(bitFields(...fields.flat()));
const plain = (objectType: number, profile: string, channels = 2) => ({
  objectType,
  profile,
  channels,
  sbr: false,
  ps: false,
});
const HE = { profile: "HE-AAC", sbr: true, ps: false };
const HE2 = { profile: "HE-AAC v2", sbr: true, ps: true };

describe("object type and profile name", () => {
  test.each([
    [1, "Main"],
    [2, "LC"],
    [3, "SSR"],
    [4, "LTP"],
    [6, "Scalable"], // and 3 layerNr bits
    [23, "LD"], // and a 2-bit epConfig
    [8, "object type 8"],
    [0, "object type 0"],
  ])("object type %i: %s", (t, profile) => {
    expect(parse(head(t), GA, [[0, 3]])).toEqual(plain(t, profile));
  });

  test.each([
    [31 + 8, "ELD"], // escape value 31, then 6 bits: 32 + 7
    [32 + 10, "xHE-AAC"],
    [32, "object type 32"],
    [32 + 63, "object type 95"],
  ])("escaped object type %i: %s", (t, profile) => {
    expect(parse(head(t), GA)).toMatchObject({
      objectType: t,
      profile,
      sbr: false,
    });
  });
});

describe("sampling frequency", () => {
  test("index 15 is followed by a 24-bit frequency, skipped", () => {
    const fields: Field[] = [[2, 5], [15, 4], [0xfffff0, 24], [1, 4], ...GA];
    expect(parseAacConfig(bitFields(...fields))).toEqual(plain(2, "LC", 1));
  });

  test("index 14 is not followed by a frequency", () => {
    expect(
      parse(
        [
          [2, 5],
          [14, 4],
          [6, 4],
        ],
        GA,
      ),
    ).toEqual(plain(2, "LC", 6));
  });
});

describe("channel configuration (Table 1.19)", () => {
  test.each([
    [0, undefined],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 6],
    [7, 8],
    [8, undefined],
    [15, undefined],
  ])("%i: %s channels", (config, channels) => {
    expect(parse(head(2, config), GA)).toMatchObject({
      profile: "LC",
      channels,
    });
  });
});

describe("explicit hierarchical signalling (object type 5 or 29 first)", () => {
  test("SBR (5): the core type after the extension frequency", () => {
    expect(parse(head(5, 1), [[7, 4]], type(2))).toEqual({
      objectType: 2,
      channels: 1,
      ...HE,
    });
  });

  test("PS (29): HE-AAC v2 with SBR", () => {
    expect(parse(head(29, 1), [[7, 4]], type(2))).toEqual({
      objectType: 2,
      channels: 1,
      ...HE2,
    });
  });

  test("the extension frequency can be explicit (index 15, 24 bits)", () => {
    expect(
      parse(
        head(5, 2),
        [
          [15, 4],
          [0x0bb800, 24],
        ],
        type(1),
      ),
    ).toEqual({
      objectType: 1,
      channels: 2,
      ...HE,
    });
  });

  test("a core ER BSAC (22) carries 4 more bits (extensionChannelConfiguration)", () => {
    // 5 + 4 + 4 + 4 + 5 = 22 bits: 2 left in 3 bytes, too few; 4 bytes hold them.
    const fields = [...head(5, 2), [4, 4], ...type(22)] as Field[];
    const three = bitFields(...fields);
    expect(three).toHaveLength(3);
    expect(parseAacConfig(three)).toBeUndefined();
    expect(parseAacConfig(bitFields(...fields, [0, 8]))).toEqual({
      objectType: 22,
      channels: 2,
      ...HE,
    });
  });

  test("a sync extension after it is not read", () => {
    expect(parse(head(5, 2), [[7, 4]], type(2), GA, sync(0))).toMatchObject(HE);
  });

  test("another core type with 2 bits left needs no more bits", () => {
    const fields = [...head(5, 2), [4, 4], ...type(2)] as Field[];
    expect(parseAacConfig(bitFields(...fields))).toMatchObject(HE);
  });
});

describe("backward-compatible signalling (a sync extension after the GASpecificConfig)", () => {
  test("sbrPresentFlag 1: HE-AAC; 0: LC", () => {
    expect(parse(head(2), GA, sync(1))).toEqual({
      objectType: 2,
      channels: 2,
      ...HE,
    });
    expect(parse(head(2), GA, sync(0))).toEqual(plain(2, "LC"));
  });

  test("PS after SBR: HE-AAC v2; psPresentFlag 0: HE-AAC", () => {
    expect(parse(head(2), GA, sync(1), psSync(1))).toEqual({
      objectType: 2,
      channels: 2,
      ...HE2,
    });
    expect(parse(head(2), GA, sync(1), psSync(0))).toMatchObject(HE);
  });

  test("the SBR extension frequency can be explicit before the PS sync", () => {
    const sbr: Field[] = [
      [0x2b7, 11],
      [5, 5],
      [1, 1],
      [15, 4],
      [96000, 24],
    ];
    expect(parse(head(2), GA, sbr, psSync(1))).toMatchObject(HE2);
  });

  test("no PS sync without SBR", () => {
    // What would be the extension frequency, then a PS sync: not read.
    expect(parse(head(2), GA, sync(0), [[3, 4]], psSync(1))).toEqual(
      plain(2, "LC"),
    );
  });

  test("another sync word or extension type is not SBR", () => {
    expect(
      parse(head(2), GA, [
        [0x2b6, 11],
        [5, 5],
        [1, 1],
      ]),
    ).toEqual(plain(2, "LC"));
    expect(
      parse(head(2), GA, [
        [0x2b7, 11],
        [6, 5],
        [1, 1],
      ]),
    ).toEqual(plain(2, "LC"));
    expect(
      parse(head(2), GA, sync(1), [
        [0x549, 11],
        [1, 1],
      ]),
    ).toMatchObject(HE);
  });

  test("the sync extension is read from 16 bits left (here cut short: no config); 8 are too few", () => {
    // 13 + 3 bits, then 16 bits: 0x2b7 and type 5, without the flag: cut short, so no config.
    const sixteen = bitFields(...head(2), ...GA, [0x2b7, 11], [5, 5]);
    expect(sixteen).toHaveLength(4);
    expect(parseAacConfig(sixteen)).toBeUndefined();
    // 8 bits after the GASpecificConfig: not read.
    const fifteen = bitFields(...head(2), ...GA, [0x2b7 >> 1, 10], [0, 5]);
    expect(parseAacConfig(fifteen.subarray(0, 3))).toEqual(plain(2, "LC"));
  });

  test("the PS sync is read from 12 bits left; 11 are too few", () => {
    // ER AAC scalable with dependsOnCoreCoder and extensionFlag: 13 + 3 + 14 + 3 + 3 + 1 + 2 = 39 bits, then
    // the SBR sync 21: 60, and the PS sync 12: 72, 9 bytes.
    const ga: Field[] = [
      [0, 1],
      [1, 1],
      [0, 14],
      [1, 1],
      [0, 3],
      [0, 3],
      [0, 1],
      [0, 2],
    ];
    const twelve = bitFields(...head(20), ...ga, ...sync(1), ...psSync(1));
    expect(twelve).toHaveLength(9);
    expect(parseAacConfig(twelve)).toMatchObject({ objectType: 20, ...HE2 });
    // 16 + 17 + 4 = 37 bits; 12 more make 49 (7 bytes, 7 bits of padding).
    const nineteen = bitFields(...head(2), ...GA, ...sync(1), ...psSync(1));
    expect(nineteen).toHaveLength(7);
    expect(parseAacConfig(nineteen)).toMatchObject(HE2);
    // 37 bits, then 11 bits 0x548 with no flag: 48 bits, 6 bytes, not read.
    const eleven = bitFields(...head(2), ...GA, ...sync(1), [0x548, 11]);
    expect(eleven).toHaveLength(6);
    expect(parseAacConfig(eleven)).toMatchObject(HE);
  });

  test("not after channel configuration 0 (a program config element follows, not read)", () => {
    expect(parse(head(2, 0), GA, sync(1))).toEqual({
      ...plain(2, "LC"),
      channels: undefined,
    });
  });

  test("not after a type without a GASpecificConfig", () => {
    // 8 is CELP: what follows is a CelpSpecificConfig.
    expect(parse(head(8), GA, sync(1))).toEqual(plain(8, "object type 8"));
  });
});

describe("GASpecificConfig variants before the sync extension", () => {
  test("dependsOnCoreCoder: a 14-bit coreCoderDelay is skipped", () => {
    const ga: Field[] = [
      [0, 1],
      [1, 1],
      [0x3fff, 14],
      [0, 1],
    ];
    expect(parse(head(2), ga, sync(1))).toMatchObject({ objectType: 2, ...HE });
  });

  test("frameLengthFlag 1 changes nothing", () => {
    expect(
      parse(
        head(2),
        [
          [1, 1],
          [0, 1],
          [0, 1],
        ],
        sync(1),
      ),
    ).toMatchObject(HE);
  });

  test("Scalable (6): 3 layerNr bits", () => {
    expect(parse(head(6), GA, [[7, 3]], sync(1))).toMatchObject({
      objectType: 6,
      ...HE,
    });
  });

  test("extensionFlag on a non-ER type: extensionFlag3 only", () => {
    expect(
      parse(
        head(2),
        [
          [0, 1],
          [0, 1],
          [1, 1],
          [1, 1],
        ],
        sync(1),
      ),
    ).toMatchObject(HE);
  });

  const extension: Field[] = [
    [0, 1],
    [0, 1],
    [1, 1],
  ];
  test.each([
    // type, the bits after extensionFlag up to epConfig
    [
      17,
      [
        [7, 3],
        [1, 1],
      ],
    ],
    [
      19,
      [
        [7, 3],
        [1, 1],
      ],
    ],
    [
      20,
      [
        [7, 3],
        [7, 3],
        [1, 1],
      ],
    ], // layerNr, then the three resilience flags
    [
      23,
      [
        [7, 3],
        [1, 1],
      ],
    ],
    [
      22,
      [
        [0xffff, 16],
        [1, 1],
      ],
    ], // numOfSubFrame and layer_length
    [21, [[1, 1]]],
  ] as [number, Field[]][])(
    "ER type %i with extensionFlag, epConfig 0 and 1: sync read; 2 and 3: not",
    (t, rest) => {
      for (const [ep, expected] of [
        [0, { objectType: t, ...HE }],
        [1, { objectType: t, ...HE }],
        [2, { objectType: t, sbr: false }],
        [3, { objectType: t, sbr: false }],
      ] as const) {
        expect([
          ep,
          parse(head(t), extension, rest, [[ep, 2]], sync(1)),
        ]).toEqual([ep, expect.objectContaining(expected)]);
      }
    },
  );

  test("ER AAC LC (17) without extensionFlag: epConfig right after", () => {
    expect(parse(head(17), GA, [[0, 2]], sync(1))).toMatchObject({
      objectType: 17,
      ...HE,
    });
    expect(parse(head(17), GA, [[2, 2]], sync(1))).toEqual(
      plain(17, "object type 17"),
    );
  });

  test("ER AAC scalable (20) without extensionFlag: layerNr, then epConfig", () => {
    expect(parse(head(20), GA, [[5, 3]], [[1, 2]], sync(1))).toMatchObject({
      objectType: 20,
      ...HE,
    });
  });

  test("a GASpecificConfig cut short is no config", () => {
    expect(
      parseAacConfig(bitFields(...head(2), [0, 1], [1, 1], [0, 2])),
    ).toBeUndefined();
  });
});

describe("cut short", () => {
  test.each([
    ["empty", new Uint8Array()],
    ["object type only", bitFields([2, 5])],
    ["escaped type without its 6 bits", bitFields([31, 5], [0, 3])],
    ["explicit frequency cut", bitFields([2, 5], [15, 4], [0, 23])],
    ["no channel configuration", bitFields([2, 5], [4, 4]).subarray(0, 1)],
    [
      "hierarchical without the core type",
      bitFields(...head(5), [4, 4]).subarray(0, 2),
    ],
  ])("%s: undefined", (_name, bytes) => {
    expect(parseAacConfig(bytes)).toBeUndefined();
  });

  test("13 bits (type, frequency, channels) and the GA flags are the minimum", () => {
    expect(parseAacConfig(bitFields(...head(2), ...GA))).toEqual(
      plain(2, "LC"),
    );
    expect(parseAacConfig(bitFields(...head(2)))).toEqual(plain(2, "LC"));
  });
});
