export * from "./tenancy";
export * from "./connections";
export * from "./orders";
export * from "./sync";
export * from "./activity";
export * from "./polling";
export * from "./menu";
export * from "./relations";
