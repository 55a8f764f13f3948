import { describe, expect, test } from "@jest/globals";
import { baseUrlFrom, credentialsFromEnv } from "../../src/cli/credentials.js";
import { CredentialsError } from "../../src/cli/usage-error.js";

const oauth1 = {
  X_API_KEY: "ck",
  X_API_SECRET: "cs",
  X_ACCESS_TOKEN: "at",
  X_ACCESS_TOKEN_SECRET: "ats",
};

describe("credentialsFromEnv", () => {
  test("X_OAUTH2_TOKEN gives OAuth 2.0, trimmed", () => {
    expect(credentialsFromEnv({ X_OAUTH2_TOKEN: " tok\n" })).toEqual({
      type: "oauth2",
      accessToken: "tok",
    });
  });
  test("all four OAuth 1.0a variables give OAuth 1.0a", () => {
    expect(credentialsFromEnv(oauth1)).toEqual({
      type: "oauth1",
      consumerKey: "ck",
      consumerSecret: "cs",
      accessToken: "at",
      accessTokenSecret: "ats",
    });
  });
  test("OAuth 2.0 wins when both are set", () => {
    expect(credentialsFromEnv({ ...oauth1, X_OAUTH2_TOKEN: "tok" }).type).toBe(
      "oauth2",
    );
  });
  test("nothing set: the error names every variable", () => {
    const run = () => credentialsFromEnv({ X_OAUTH2_TOKEN: "  " });
    expect(run).toThrow(CredentialsError);
    expect(run).toThrow(
      /X_OAUTH2_TOKEN.*X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET/,
    );
  });
  test("a partial OAuth 1.0a set names what is missing, never the values", () => {
    let message = "";
    try {
      credentialsFromEnv({
        X_API_KEY: "secret-key-value",
        X_ACCESS_TOKEN: "secret-token-value",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      "X_API_KEY, X_ACCESS_TOKEN set but X_API_SECRET, X_ACCESS_TOKEN_SECRET missing",
    );
    expect(message).not.toContain("secret-key-value");
    expect(message).not.toContain("secret-token-value");
  });
});

test("base URL: flag, then X_API_BASE_URL, then the library's default", () => {
  expect(baseUrlFrom("http://flag", { X_API_BASE_URL: "http://env" })).toBe(
    "http://flag",
  );
  expect(baseUrlFrom(undefined, { X_API_BASE_URL: "http://env" })).toBe(
    "http://env",
  );
  expect(baseUrlFrom(undefined, {})).toBeUndefined();
});
