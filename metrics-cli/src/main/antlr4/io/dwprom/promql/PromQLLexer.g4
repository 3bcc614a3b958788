// Tokens of PromQL, the Prometheus query language. Keywords are case-insensitive, as in Prometheus;
// label and metric names keep their case in the token text.
lexer grammar PromQLLexer;

options { caseInsensitive = true; }

// Binary set operators and atan2 are keywords, like the aggregation operators.
AND: 'and';
OR: 'or';
UNLESS: 'unless';
ATAN2: 'atan2';

BY: 'by';
WITHOUT: 'without';
ON: 'on';
IGNORING: 'ignoring';
GROUP_LEFT: 'group_left';
GROUP_RIGHT: 'group_right';
OFFSET: 'offset';
BOOL: 'bool';

AGGREGATION_OP
    : 'sum' | 'avg' | 'count' | 'min' | 'max' | 'group' | 'stddev' | 'stdvar'
    | 'topk' | 'bottomk' | 'count_values' | 'quantile' | 'limitk' | 'limit_ratio'
    ;

// Inf and NaN are numbers wherever they stand.
NUMBER
    : [0-9]+ ('.' [0-9]*)? EXPONENT?
    | '.' [0-9]+ EXPONENT?
    | '0x' [0-9a-f]+
    | 'inf'
    | 'nan'
    ;
fragment EXPONENT: 'e' [+-]? [0-9]+;

// 5m, 1h30m, 500ms. Longest match makes "5m" a duration rather than the number 5 and a name.
DURATION: ([0-9]+ ('ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'y'))+;

STRING
    : '"' (ESCAPE | ~["\\\r\n])* '"'
    | '\'' (ESCAPE | ~['\\\r\n])* '\''
    | '`' ~'`'* '`'
    ;
fragment ESCAPE: '\\' .;

IDENTIFIER: [a-z_] [a-z0-9_]*;
// Recording rules name their output level:metric:operations; only metric names may hold colons. A name
// starting with a colon needs a letter next, so the colon of a subquery ([1h:5m], [1h:]) stays a colon.
METRIC_IDENTIFIER
    : [a-z_] [a-z0-9_]* ':' [a-z0-9_:]*
    | ':' [a-z_:] [a-z0-9_:]*
    ;

EQL: '==';
NEQ: '!=';
REGEX_MATCH: '=~';
REGEX_NO_MATCH: '!~';
ASSIGN: '=';
GTE: '>=';
LTE: '<=';
GTR: '>';
LSS: '<';
ADD: '+';
SUB: '-';
MUL: '*';
DIV: '/';
MOD: '%';
POW: '^';
AT: '@';

LEFT_PAREN: '(';
RIGHT_PAREN: ')';
LEFT_BRACE: '{';
RIGHT_BRACE: '}';
LEFT_BRACKET: '[';
RIGHT_BRACKET: ']';
COMMA: ',';
COLON: ':';

COMMENT: '#' ~[\r\n]* -> skip;
WS: [ \t\r\n]+ -> skip;
