import type { TransportMappingView } from "../../bindings/TransportMappingView";

/**
 * Three shipping methods: PostNord MyPack Home mapped, DB Schenker Ombud unmapped and holding two
 * orders, click and collect not sent. Two contracts with their services and two tracking types.
 */
export function sampleTransportView(overrides: Partial<TransportMappingView> = {}): TransportMappingView {
  return {
    methods: [
      {
        shippingMethodId: 12,
        name: "PostNord MyPack Home",
        nameEn: "PostNord home delivery",
        active: true,
        clickAndCollect: false,
        externalId: "PN-MPH",
        transport: { kind: "carrier", transporterCode: "PNL", serviceCode: "P17", trackerType: 1 },
        suggested: { kind: "carrier", transporterCode: "PNL", serviceCode: "P19", trackerType: 1 },
        contractMissing: false,
        held: { count: 0, orderIds: [] },
      },
      {
        shippingMethodId: 13,
        name: "DB Schenker Ombud",
        nameEn: "DB Schenker service point",
        active: true,
        clickAndCollect: false,
        externalId: "DBS-OMBUD",
        transport: null,
        suggested: { kind: "carrier", transporterCode: "SBTL", serviceCode: "BPA", trackerType: 2 },
        contractMissing: false,
        held: { count: 2, orderIds: [1031, 1032] },
      },
      {
        shippingMethodId: 15,
        name: "Hämta i butik",
        nameEn: "Click and collect",
        active: true,
        clickAndCollect: true,
        externalId: null,
        transport: { kind: "notSent" },
        suggested: { kind: "notSent" },
        contractMissing: false,
        held: { count: 0, orderIds: [] },
      },
    ],
    stale: [],
    contracts: [
      {
        transporterCode: "PNL",
        transporterName: "PostNord Sverige",
        services: [
          { serviceCode: "P19", serviceName: "MyPack Collect" },
          { serviceCode: "P17", serviceName: "MyPack Home" },
        ],
      },
      {
        transporterCode: "SBTL",
        transporterName: "DB Schenker",
        services: [
          { serviceCode: "BPA", serviceName: "DB SCHENKERparcel" },
          { serviceCode: "BHP", serviceName: "DB SCHENKERprivpak Ombud Standard" },
        ],
      },
    ],
    trackingTypes: [
      { trackerType: 1, name: "PostNord" },
      { trackerType: 2, name: "DB Schenker" },
    ],
    heldTotal: 2,
    saved: true,
    ...overrides,
  };
}
