// The syntax of PromQL, the Prometheus query language. Alternatives of `expr` are listed from the
// tightest binding to the loosest, as ANTLR ranks left-recursive alternatives; `^` is right-associative
// and binds tighter than a unary sign (-2^2 is -4), the other binary operators are left-associative.
// Types (instant vector, range vector, scalar) are not checked here.
parser grammar PromQLParser;

options { tokenVocab = PromQLLexer; }

query: expr EOF;

expr
    : expr LEFT_BRACKET range COLON step=range? RIGHT_BRACKET modifiers           # subquery
    | <assoc=right> expr op=POW matching? expr                                   # binary
    | sign=(ADD | SUB) expr                                                      # unary
    | expr op=(MUL | DIV | MOD | ATAN2) matching? expr                           # binary
    | expr op=(ADD | SUB) matching? expr                                         # binary
    | expr op=(EQL | NEQ | GTR | GTE | LSS | LTE) BOOL? matching? expr           # binary
    | expr op=(AND | UNLESS) matching? expr                                      # binary
    | expr op=OR matching? expr                                                  # binary
    | LEFT_PAREN expr RIGHT_PAREN                                                # parens
    | AGGREGATION_OP dialect arguments                                          # aggregation
    | AGGREGATION_OP arguments dialect?                                         # aggregation
    | IDENTIFIER arguments                                                       # call
    | vectorSelector LEFT_BRACKET range RIGHT_BRACKET modifiers                  # matrixSelector
    | vectorSelector modifiers                                                   # instantSelector
    | NUMBER                                                                     # number
    | STRING                                                                     # string
    ;

arguments: LEFT_PAREN (expr (COMMA expr)* COMMA?)? RIGHT_PAREN;

dialect: (BY | WITHOUT) labelList;

// on/ignoring with an optional group_left/group_right and the labels it copies from the "one" side.
matching: (ON | IGNORING) labelList ((GROUP_LEFT | GROUP_RIGHT) labelList?)?;

labelList: LEFT_PAREN (labelName (COMMA labelName)* COMMA?)? RIGHT_PAREN;

vectorSelector
    : metricName (LEFT_BRACE matchers? RIGHT_BRACE)?
    | LEFT_BRACE matchers RIGHT_BRACE
    ;

matchers: matcher (COMMA matcher)* COMMA?;

// A quoted name alone is the metric name (Prometheus 3's UTF-8 names); a quoted label name is allowed too.
matcher
    : (labelName | STRING) op=(ASSIGN | NEQ | REGEX_MATCH | REGEX_NO_MATCH) STRING
    | STRING
    ;

// offset and @, each at most once, in either order (checked when the tree is built).
modifiers: (offset | at)*;
offset: OFFSET SUB? range;
at: AT (SUB? NUMBER | IDENTIFIER LEFT_PAREN RIGHT_PAREN);

range: DURATION | NUMBER;

metricName: IDENTIFIER | METRIC_IDENTIFIER;

// Inside braces and dialect lists keywords are plain label names ({on="x"}, by (group)).
labelName
    : IDENTIFIER | AND | OR | UNLESS | ATAN2 | BY | WITHOUT | ON | IGNORING | GROUP_LEFT | GROUP_RIGHT
    | OFFSET | BOOL | AGGREGATION_OP | NUMBER
    ;
