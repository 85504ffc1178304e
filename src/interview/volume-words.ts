/**
 * What a volume may count. Any noun may stand between a number and its period ("150 contracts
 * per week", "3k apps a week"), but not people, time, money or tokens: "5 people a month", "20
 * hours a week", "3M tokens a day" are not calls. One list for typed answers and the task text.
 */
export const NOT_CALLS = String.raw`(?:people|persons?|users?|visitors?|customers?|clients?|employees?|engineers?|developers?|devs?|interns?|agents?|staff|hires?|members?|students?|patients?|drivers?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|quarters?|years?|annum|hourly|daily|weekly|monthly|quarterly|yearly|annual(?:ly)?|times?|dollars?|euros?|bucks|usd|eur|gbp|cents?|tokens?|events?|logs?|[kmgt]b|percent|per|each|every|for|an?|the|of|in|to|with|and|or|on|at|by|from|is|are|was|were|we|i|it|they|more|less|fewer|up|down)`;

/** One to three words naming what is counted, none of them in NOT_CALLS: "contracts", "api calls", "new support tickets". */
export const COUNTED_THING = String.raw`(?:(?!${NOT_CALLS}\b)[a-z][a-z'-]*)(?:\s+(?!${NOT_CALLS}\b)[a-z][a-z'-]*){0,2}`;
