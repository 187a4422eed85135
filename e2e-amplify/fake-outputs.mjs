// amplify_outputs.json as `npx ampx sandbox` writes it (schema version 1.4), with made-up ids: the
// smoke e2e never reaches AWS. password_policy.min_length is 14, not the deployed 12, so a test
// can tell that the Authenticator's rules came from these outputs.
export const FAKE_OUTPUTS = {
  version: "1.4",
  auth: {
    aws_region: "ap-southeast-1",
    user_pool_id: "ap-southeast-1_SmokeTest",
    user_pool_client_id: "smoketestclient00000000000",
    identity_pool_id: "ap-southeast-1:00000000-0000-4000-8000-000000000000",
    mfa_methods: [],
    standard_required_attributes: ["email"],
    username_attributes: ["email"],
    user_verification_types: ["email"],
    groups: [],
    mfa_configuration: "NONE",
    password_policy: {
      min_length: 14,
      require_lowercase: true,
      require_numbers: true,
      require_symbols: false,
      require_uppercase: true,
    },
    unauthenticated_identities_enabled: true,
  },
  data: {
    url: "https://smoketest.appsync-api.ap-southeast-1.amazonaws.com/graphql",
    aws_region: "ap-southeast-1",
    default_authorization_type: "AMAZON_COGNITO_USER_POOLS",
    authorization_types: ["AWS_IAM"],
  },
  storage: {
    aws_region: "ap-southeast-1",
    bucket_name: "skinsight-smoke-selfies",
    buckets: [{ name: "skinsightSelfies", bucket_name: "skinsight-smoke-selfies", aws_region: "ap-southeast-1" }],
  },
};
