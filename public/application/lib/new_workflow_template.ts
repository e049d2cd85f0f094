/** What a new workflow starts from: the smallest workflow that runs, with a template to show `{{ }}`. */
export const NEW_WORKFLOW_YAML = `version: "1"
name: My workflow
description: Says hello when run by hand.
enabled: true
tags: []
triggers:
  - type: manual
steps:
  - name: say_hello
    type: console
    with:
      message: "Hello from {{ workflow.name }}"
`;
