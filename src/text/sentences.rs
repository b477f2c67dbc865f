//! Every sentence the page and the command line show, once, in Vietnamese and English.
//! `{name}` marks a value filled in by [`Lang::fill`](super::Lang::fill). A test checks that
//! each entry has both languages, the same placeholders in each, and no Vietnamese in English.

use super::Sentence;

macro_rules! catalogue {
    ($($key:ident: $vi:literal, $en:literal;)*) => {
        $(pub const $key: Sentence = Sentence { vi: $vi, en: $en };)*
        /// Every entry, by its name.
        pub const ALL: &[(&str, Sentence)] = &[$((stringify!($key), $key)),*];
    };
}

catalogue! {
    RISK_RANGES_REPLACE_LEVERS:
        "Dải rủi ro lấy giải ngân của {sources} theo khoảng của giả định rủi ro, không theo cần gạt của kịch bản",
        "The risk band draws the disbursement of {sources} from the risk settings' ranges, not from the scenario's levers";
    RISK_DRAWN_AROUND_LEVERS:
        "Giải ngân được rút quanh mức của cần gạt (giữ độ rộng của từng khoảng)",
        "Disbursement drawn around the levers' own values (each range's width kept)";
    RISK_DRAW_AROUND_LEVERS:
        "Rút giải ngân quanh mức của cần gạt (giữ độ rộng của khoảng)",
        "Draw disbursement around the levers' own values (keeping each range's width)";
    CLI_USAGE_TITLE:
        "ntm — mô phỏng Chương trình xây dựng nông thôn mới\n\nCách dùng:",
        "ntm — a simulator of the New Rural Development programme\n\nUsage:";
    CLI_USAGE_NUMBERS:
        "Số trong tùy chọn viết bằng dấu chấm thập phân, không phân nhóm, dù --lang là gì: --budget 1234.5",
        "Numbers in options take a decimal point and no grouping, whatever --lang: --budget 1234.5";
    CLI_HELP_RUN:
        "chạy mô hình một năm; mặc định: bảng xã kèm theo và kịch bản kế hoạch",
        "runs one year; by default the shipped commune table and the plan scenario";
    CLI_HELP_PATH:
        "lộ trình nhiều năm, mặc định theo lộ trình và mục tiêu của kế hoạch",
        "the years: by default the plan's own path and targets";
    CLI_HELP_SEEK:
        "đầu tư ít nhất để đạt một mục tiêu, hoặc nhiều xã đạt chuẩn nhất với một ngân sách",
        "the least investment reaching a target, or the most communes certified for a budget";
    CLI_HELP_MARGINAL:
        "thêm A tỷ đồng (mặc định 100) cho từng tiêu chí thì được gì",
        "what A billion VND more (100 by default) buys in each criterion";
    CLI_HELP_RISK:
        "khả năng đạt mục tiêu khi vốn về muộn, chi phí lệch, công trình chậm",
        "how likely the targets are when money is late, costs vary, works slip";
    CLI_HELP_MERGE:
        "chuyển bảng xã sang các xã sau sắp xếp (model.md §8.4), in ra bảng CSV",
        "carries a commune table into today's communes (model.md §8.4), printed as CSV";
    CLI_OPTION_MAPPING:
        "bảng sắp xếp xã cũ → xã mới (CSV: commune_code, code_2025, name_2025, group)",
        "the mapping of old communes to new units (CSV: commune_code, code_2025, name_2025, group)";
    CLI_OPTION_FROM_PLAN:
        "kế hoạch của bảng xã cũ (mặc định: kế hoạch 2022)",
        "the plan the old commune table is for (default: the 2022 plan)";
    CLI_MERGE_NEEDS:
        "lệnh merge cần --communes và --mapping",
        "merge needs --communes and --mapping";
    CLI_HELP_CHECK_PLAN:
        "liệt kê các chỗ không khớp trong số liệu của chính kế hoạch",
        "lists the inconsistencies inside the plan's own figures";
    CLI_HELP_HELP:
        "cách dùng này",
        "this usage";
    CLI_OPTION_TARGET:
        "mục tiêu cần đạt (đúng một trong --target và --budget): certified, avg_criteria, border_avg, min_criteria, hoặc mã tiêu chí như transport=120",
        "the target to reach (exactly one of --target and --budget): certified, avg_criteria, border_avg, min_criteria, or a criterion's key as in transport=120";
    CLI_OPTION_BUDGET:
        "ngân sách, tỷ đồng (đúng một trong --target và --budget)",
        "the budget, billion VND (exactly one of --target and --budget)";
    CLI_OPTION_AMOUNT:
        "số tiền thêm cho mỗi tiêu chí, tỷ đồng",
        "the amount added to each criterion, billion VND";
    CLI_OPTION_PLAN:
        "tệp kế hoạch (JSON, model.md §8.1), thay cho kế hoạch Lạng Sơn 2022",
        "a plan file (JSON, model.md §8.1), instead of Lạng Sơn's 2022 plan";
    CLI_PLAN_NEEDS_COMMUNES:
        "kế hoạch {plan} không kèm bảng xã: hãy chỉ ra bảng xã bằng --communes",
        "the plan {plan} comes with no commune table: give one with --communes";
    CLI_PLAN_NEEDS_PATH:
        "kế hoạch {plan} không kèm lộ trình: hãy chỉ ra lộ trình bằng --path",
        "the plan {plan} comes with no path: give one with --path";
    CLI_OPTION_COMMUNES:
        "bảng xã của tỉnh (CSV), thay cho bảng kèm theo",
        "the province's commune table (CSV), instead of the shipped one";
    CLI_OPTION_SCENARIO:
        "tệp kịch bản (JSON), thay cho kịch bản kế hoạch",
        "a scenario file (JSON), instead of the plan scenario";
    CLI_OPTION_PATH:
        "tệp lộ trình (JSON), thay cho lộ trình của kế hoạch",
        "a path file (JSON), instead of the plan's path";
    CLI_OPTION_RISK:
        "tệp giả định rủi ro (JSON), thay cho giả định mặc định",
        "a risk settings file (JSON), instead of the default settings";
    CLI_OPTION_FORMAT:
        "cách in kết quả (mặc định là cách đầu tiên)",
        "how the result is printed (the first is the default)";
    CLI_OPTION_LANG:
        "ngôn ngữ của văn bản in ra (mặc định vi)",
        "the language of what is printed (vi by default)";
    INPUT_LINK:
        "đường liên kết",
        "link";
    INPUT_PATH_IN_LINK:
        "đường liên kết, lộ trình (p)",
        "link, path (p)";
    INPUT_SAVED:
        "dữ liệu đã lưu",
        "saved data";
    INPUT_SAVED_PATH:
        "dữ liệu đã lưu, lộ trình",
        "saved data, path";
    INPUT_SHIPPED:
        "dữ liệu kèm theo",
        "shipped data";
    FIRST_SCREEN_NOSCRIPT:
        "Đây là kết quả của kịch bản kế hoạch. Để thay đổi các cần gạt và xem phần còn lại của trang, cần bật JavaScript và WebAssembly.",
        "These are the plan scenario's results. Moving the levers and the rest of the page need JavaScript and WebAssembly.";
    THE_PAGE_COULD_NOT_START:
        "Trang không khởi động được trong trình duyệt này (cần WebAssembly). Các số trên là của kịch bản kế hoạch; hãy mở bằng trình duyệt mới hơn, hoặc bản một tệp.",
        "The page could not start in this browser (it needs WebAssembly). The figures above are the plan scenario's; open it in a newer browser, or the single-file edition.";
    CLI_UNKNOWN_COMMAND:
        "lệnh không hợp lệ: \"{command}\" (ntm help)",
        "unknown command: \"{command}\" (ntm help)";
    CLI_UNKNOWN_OPTION:
        "tùy chọn không hợp lệ: \"{option}\" (ntm help)",
        "unknown option: \"{option}\" (ntm help)";
    CLI_NOT_AN_OPTION_OF:
        "{option}: lệnh {command} không dùng tùy chọn này ({command}: {options})",
        "{option}: not an option of {command} ({command}: {options})";
    CLI_MISSING_VALUE:
        "{option}: thiếu giá trị",
        "{option}: missing value";
    CLI_NOT_ONE_OF:
        "{option}: \"{value}\" không hợp lệ ({choices})",
        "{option}: \"{value}\" is not valid ({choices})";
    CLI_NOT_A_PLAIN_NUMBER:
        "{option}: \"{value}\" không phải số viết với dấu chấm thập phân, không phân nhóm, không âm (ví dụ 1234.5)",
        "{option}: \"{value}\" is not a number written with a decimal point, no grouping and no sign (for example 1234.5)";
    CLI_FILE_NOT_UTF8:
        "không phải văn bản UTF-8",
        "not UTF-8 text";
    CLI_TARGET_NOT_KEY_VALUE:
        "phải có dạng KEY=VALUE",
        "must read KEY=VALUE";
    CLI_SEEK_TARGET_OR_BUDGET:
        "seek cần đúng một trong --target KEY=VALUE hoặc --budget B",
        "seek needs exactly one of --target KEY=VALUE or --budget B";
    CLI_CHECK_PLAN_HEADING:
        "{count} chỗ không khớp trong số liệu của kế hoạch:\n",
        "{count} inconsistencies in the plan's own figures:\n";
    CLI_SUMMARY_SCENARIO:
        "Kịch bản: {name} — {order}\n",
        "Scenario: {name} — {order}\n";
    CLI_ILLUSTRATIVE_TABLE_NOTE:
        "Bảng xã là số liệu minh họa cho tới khi nhập bảng của tỉnh (--communes).\n",
        "The commune table is illustrative until the province's own is given (--communes).\n";
    CERTIFIED_COMMUNES:
        "Xã đạt chuẩn NTM",
        "Certified communes";
    AVERAGE_CRITERIA_A_COMMUNE:
        "Bình quân tiêu chí/xã",
        "Average criteria a commune";
    CLI_NO_DISTRICT_COLUMN:
        "Bảng xã không có cột huyện: không có kết quả theo huyện.\n",
        "The commune table has no district column: no results by district.\n";
    TABLE_ERROR_AT_CELL:
        "dòng {line}, cột \"{column}\" ({letter})",
        "line {line}, column \"{column}\" ({letter})";
    TABLE_ERROR_AT_LINE:
        "dòng {line}",
        "line {line}";
    TABLE_ERROR_EMPTY_FILE:
        "tệp trống",
        "the file is empty";
    TABLE_ERROR_BINARY:
        "tệp không phải văn bản CSV (có byte nhị phân)",
        "the file is not CSV text (it holds binary bytes)";
    TABLE_ERROR_NOT_UTF8:
        "dòng {line}: không phải văn bản UTF-8 (hãy lưu tệp dạng CSV UTF-8)",
        "line {line}: not UTF-8 text (save the file as CSV UTF-8)";
    TABLE_ERROR_MALFORMED_CSV:
        "dòng {line}: không đọc được CSV ({detail})",
        "line {line}: cannot read the CSV ({detail})";
    TABLE_ERROR_NO_COMMUNES:
        "bảng không có xã nào (chỉ có dòng tiêu đề)",
        "the table has no commune (only a header)";
    TABLE_ERROR_MISSING_COLUMN:
        "thiếu cột \"{column}\"",
        "the column \"{column}\" is missing";
    TABLE_ERROR_DUPLICATE_COLUMN:
        "cột \"{column}\" xuất hiện hai lần (cột {first} và {second})",
        "the column \"{column}\" appears twice (columns {first} and {second})";
    TABLE_ERROR_RAGGED_ROW:
        "dòng {line}: có {found} ô, tiêu đề có {expected} cột",
        "line {line}: has {found} cells, the header has {expected} columns";
    TABLE_ERROR_DUPLICATE_COMMUNE_ID:
        "dòng {line}, cột \"id\": mã xã \"{id}\" trùng với dòng {first_line}",
        "line {line}, column \"id\": commune code \"{id}\" repeats line {first_line}";
    TABLE_ERROR_EMPTY_CELL:
        "{place}: ô trống",
        "{place}: the cell is empty";
    TABLE_ERROR_NOT_A_FLAG:
        "{place}: \"{value}\" không phải 0 hoặc 1",
        "{place}: \"{value}\" is not 0 or 1";
    TABLE_ERROR_BAD_COST:
        "{place}: \"{value}\" không phải số tiền hợp lệ (tỷ đồng, không âm)",
        "{place}: \"{value}\" is not a valid amount (billion VND, not negative)";
    TABLE_ERROR_SEVERAL_ROWS:
        "{first} (và {more} lỗi khác; {total} dòng có lỗi)",
        "{first} (and {more} more; {total} rows are wrong)";
    TABLE_ERROR_NOT_A_SPREADSHEET:
        "không đọc được tệp Excel ({reason})",
        "cannot read the Excel file ({reason})";
    TABLE_ERROR_TOO_MANY_COMMUNES:
        "bảng có hơn {limit} xã",
        "the table has more than {limit} communes";
    TABLE_ERROR_UNKNOWN_GROUP:
        "{place}: nhóm xã \"{value}\" không có trong kế hoạch",
        "{place}: the commune group \"{value}\" is not one of the plan's";
    TABLE_ERROR_UNKNOWN_ITEM_COLUMN:
        "cột \"{column}\" không ứng với chỉ tiêu nào của kế hoạch {plan}",
        "the column \"{column}\" is no item of the plan {plan}";
    TABLE_ERROR_GROUPS_NOT_IN_PLAN:
        "cột \"{column}\" ghi nhóm xã, nhưng kế hoạch {plan} không chia nhóm xã",
        "the column \"{column}\" gives commune groups, but the plan {plan} has none";
    PLAN_ERROR_BAD_KEY:
        "trường \"key\" (tên kế hoạch) \"{key}\" chỉ được gồm chữ thường, chữ số và dấu -",
        "the field \"key\" (the plan's name) \"{key}\" may hold only lowercase letters, digits and -";
    PLAN_ERROR_NO_CRITERIA:
        "kế hoạch không có tiêu chí nào (trường \"criteria\")",
        "the plan has no criteria (the field \"criteria\")";
    PLAN_ERROR_NO_SOURCES:
        "kế hoạch không có nguồn vốn nào (trường \"sources\")",
        "the plan has no funding sources (the field \"sources\")";
    PLAN_ERROR_DUPLICATE_KEY:
        "khóa \"{key}\" ghi hai lần: {first} và {second}",
        "the key \"{key}\" is given twice: {first} and {second}";
    PLAN_ERROR_DUPLICATE_ID:
        "mã \"{id}\" ghi hai lần: {first} và {second}",
        "the id \"{id}\" is given twice: {first} and {second}";
    PLAN_ERROR_NO_COST:
        "{field}: thiếu \"unit_cost\" (chi phí một xã) hoặc \"indicators\" (các chỉ tiêu)",
        "{field}: neither \"unit_cost\" (the cost a commune) nor \"indicators\" is given";
    PLAN_ERROR_COST_AND_INDICATORS:
        "{field}: có cả \"unit_cost\" và \"indicators\"; tiêu chí có chỉ tiêu thì ghi chi phí ở từng chỉ tiêu",
        "{field}: both \"unit_cost\" and \"indicators\" are given; a criterion with indicators has its costs on each indicator";
    PLAN_ERROR_BAD_NUMBER:
        "{field}: {value} không phải số không âm",
        "{field}: {value} is not a number of 0 or more";
    PLAN_ERROR_UNKNOWN_GROUP:
        "{field}: nhóm \"{group}\" không có trong kế hoạch",
        "{field}: the group \"{group}\" is not one of the plan's";
    PLAN_ERROR_UNKNOWN_KEY:
        "{field}: \"{key}\" không phải tiêu chí hay chỉ tiêu nào của kế hoạch",
        "{field}: \"{key}\" is no criterion or item of the plan";
    PLAN_ERROR_UNKNOWN_SOURCE:
        "{field}: không có nguồn vốn này trong \"sources\"",
        "{field}: there is no such source in \"sources\"";
    PLAN_ERROR_ABOVE_COMMUNES:
        "{field}: {value} lớn hơn số xã của kế hoạch ({communes})",
        "{field}: {value} is more than the plan's communes ({communes})";
    PLAN_ERROR_TOO_MANY_ITEMS:
        "kế hoạch có {count} chỉ tiêu, nhiều nhất là {limit}",
        "the plan has {count} items; at most {limit} are allowed";
    PLAN_ERROR_MISSING_FIELD:
        "thiếu trường \"{field}\" (dòng {line})",
        "the field \"{field}\" is missing (line {line})";
    PLAN_ERROR_UNKNOWN_FIELD:
        "trường \"{field}\" không có trong mẫu kế hoạch (dòng {line})",
        "the field \"{field}\" is not one a plan file has (line {line})";
    PLAN_ERROR_WRONG_VALUE:
        "dòng {line}, cột {column}: giá trị không đúng kiểu",
        "line {line}, column {column}: a value of the wrong kind";
    MERGE_LISTED_TWICE:
        "xã {id} ghi hai lần (dòng {first} và dòng {line})",
        "the commune {id} is listed twice (lines {first} and {line})";
    MERGE_NOT_MAPPED:
        "xã {id} (dòng {row} của bảng xã) không có trong bảng sắp xếp",
        "the commune {id} (line {row} of the commune table) is not in the mapping";
    MERGE_NO_GROUP:
        "dòng {line}: thiếu nhóm xã (kế hoạch mới chia xã theo nhóm)",
        "line {line}: no commune group (the new plan has groups)";
    MERGE_UNKNOWN_GROUP:
        "dòng {line}: nhóm xã \"{group}\" không có trong kế hoạch mới",
        "line {line}: the commune group \"{group}\" is not one of the new plan's";
    MERGE_GROUPS_DISAGREE:
        "dòng {line}: xã {code} được ghi nhóm \"{first}\" và nhóm \"{second}\"",
        "line {line}: the unit {code} is given the group \"{first}\" and the group \"{second}\"";
    MERGE_UNKNOWN_FROM:
        "chỉ tiêu {item}: \"{key}\" (trong \"from\") không phải chỉ tiêu nào của kế hoạch cũ",
        "the item {item}: \"{key}\" (in \"from\") is no item of the old plan";
    OTHER_CRITERIA:
        "Các tiêu chí khác",
        "Other criteria";
    MERGE_PANEL_TITLE:
        "Chuyển bảng sang các xã sau sắp xếp",
        "Carry the table into today's communes";
    MERGE_EXPLAIN:
        "Mỗi xã mới gồm các xã cũ sáp nhập vào nó; xã mới đạt một tiêu chí chỉ khi mọi xã cũ đều đạt, chi phí là tổng chi phí của các xã cũ.",
        "Each new commune is made of the old ones merged into it; it meets a criterion only where every old one did, at the sum of their costs.";
    MERGE_SHIPPED_MAPPING:
        "Theo sắp xếp của Lạng Sơn (2022 → 2025)",
        "By Lạng Sơn's mergers (2022 → 2025)";
    MERGE_OWN_MAPPING:
        "Theo bảng sắp xếp của tỉnh…",
        "By the province's own mapping…";
    MERGE_SUMMARY:
        "{before} xã → {after} xã; đạt chuẩn đầu năm {certified_before} → {certified_after}; bình quân {average_before} → {average_after} tiêu chí/xã.",
        "{before} communes → {after}; certified at the start {certified_before} → {certified_after}; {average_before} → {average_after} criteria a commune.";
    MERGE_UNITS_OF_SEVERAL:
        "{count} xã mới gồm nhiều xã cũ",
        "{count} new communes made of several old ones";
    MERGE_DIVIDED:
        "{commune} được chia, cả xã tính vào một xã mới (phần còn lại vào {also})",
        "{commune} was divided: all of it counted in one new commune (the rest went into {also})";
    MERGE_THEN_CONFIRM:
        "Bảng mới đang chờ ở mục \"Bảng xã của tỉnh\": xem lại rồi bấm \"Thay bảng xã bằng bảng này\".",
        "The new table waits under \"The province's commune table\": look it over, then \"Replace the commune table with this one\".";
    MERGE_TABLE_NAME:
        "bảng sau sắp xếp ({mapping})",
        "the table after the mergers ({mapping})";
    COMMUNE_GROUP:
        "Nhóm xã",
        "Group";
    PLAN_SCENARIO_NAME:
        "Kế hoạch {year}",
        "Plan {year}";
    PLAN_IN_USE:
        "Kế hoạch đang dùng",
        "Plan in use";
    PLAN_CHOICE:
        "{province} {year} · {criteria} tiêu chí",
        "{province} {year} · {criteria} criteria";
    PLAN_FROM_FILE:
        "(từ tệp)",
        "(from a file)";
    PLAN_OPEN_FILE:
        "Mở tệp kế hoạch…",
        "Open a plan file…";
    PLAN_OPEN_TABLE:
        "Mở bảng xã của kế hoạch…",
        "Open the plan's commune table…";
    PLAN_NEEDS_TABLE:
        "Kế hoạch {plan} không kèm bảng xã: hãy mở bảng xã của nó (cột tc và chi phí theo mã từng chỉ tiêu của kế hoạch).",
        "The plan {plan} comes with no commune table: open its table (a tc and a cost column for each of the plan's items).";
    PLAN_NOT_KEPT:
        "Trình duyệt không cho lưu kế hoạch này: chưa đổi gì.",
        "The browser did not let the page keep this plan: nothing has changed.";
    NOTICE_PLAN_NOT_OPEN:
        "Liên kết hoặc trình duyệt chỉ tới kế hoạch {plan}, chưa được mở ở đây: đang dùng kế hoạch mặc định.",
        "The link or the browser names the plan {plan}, which is not open here: the default plan is in use.";
    OTHER_PLAN:
        "được lập cho kế hoạch {found}, không phải kế hoạch đang dùng ({plan})",
        "is made for the plan {found}, not the plan in use ({plan})";
    FILE_ERROR_NO_SCHEMA:
        "thiếu trường \"schema\" (phiên bản, phải là 1)",
        "the field \"schema\" (version, must be 1) is missing";
    FILE_ERROR_SCHEMA_UNSUPPORTED:
        "trường \"schema\": phiên bản {found} không được hỗ trợ (chỉ 1)",
        "field \"schema\": version {found} is not supported (only 1)";
    UNKNOWN_FIELD:
        "trường \"{field}\" không tồn tại",
        "unknown field \"{field}\"";
    FIELD_ERROR_NEGATIVE:
        "trường \"{field}\": số âm ({value}) không hợp lệ",
        "field \"{field}\": a negative amount ({value}) is not allowed";
    FIELD_ERROR_TOO_LARGE:
        "trường \"{field}\": {value} quá lớn (tối đa {max})",
        "field \"{field}\": {value} is too large (at most {max})";
    DISBURSEMENT_OUT_OF_RANGE:
        "trường \"{field}\": tỷ lệ giải ngân {value} phải trong khoảng 0 đến 1",
        "field \"{field}\": disbursement {value} must be between 0 and 1";
    FIELD_ERROR_UNKNOWN_CRITERION:
        "trường \"{field}\": không có tiêu chí \"{value}\"",
        "field \"{field}\": there is no criterion \"{value}\"";
    FIELD_ERROR_DUPLICATE_CRITERION:
        "trường \"{field}\": tiêu chí \"{value}\" lặp lại",
        "field \"{field}\": criterion \"{value}\" is listed twice";
    FIELD_ERROR_UNKNOWN_STRATEGY:
        "trường \"{field}\": không có cách ưu tiên \"{value}\" (closest_first, cheapest_first, equity_first)",
        "field \"{field}\": no strategy \"{value}\" (closest_first, cheapest_first, equity_first)";
    FIELD_ERROR_OUT_OF_RANGE:
        "trường \"{field}\": {value} phải trong khoảng {min} đến {max}",
        "field \"{field}\": {value} must be between {min} and {max}";
    FIELD_ERROR_NOT_WHOLE:
        "trường \"{field}\": {value} phải là số nguyên",
        "field \"{field}\": {value} must be a whole number";
    FIELD_ERROR_PATH_YEARS:
        "trường \"{field}\": các năm phải liên tiếp, tăng dần, từ 1 đến 10 năm",
        "field \"{field}\": the years must be consecutive and ascending, 1 to 10 of them";
    FIELD_ERROR_YEAR_NOT_IN_PATH:
        "trường \"{field}\": năm {year} không nằm trong các năm của lộ trình",
        "field \"{field}\": {year} is not one of the path's years";
    FIELD_ERROR_RANGE_ORDER:
        "trường \"{field}\": cần min ≤ mode ≤ max",
        "field \"{field}\": needs min ≤ mode ≤ max";
    FIELD_ERROR_DUPLICATE_KEY:
        "\"{field}\" xuất hiện hai lần",
        "\"{field}\" is given twice";
    FIELD_ERROR_TOO_LONG:
        "trường \"{field}\": dài {length} ký tự, tối đa {limit}",
        "field \"{field}\": {length} characters long, at most {limit}";
    FIELD_ERROR_UNKNOWN_GOAL:
        "{field}: không có mục tiêu \"{value}\" (certified, avg_criteria, border_avg, min_criteria hoặc mã một tiêu chí)",
        "{field}: no goal \"{value}\" (certified, avg_criteria, border_avg, min_criteria or a criterion key)";
    FILE_ERROR_UNREADABLE:
        "không đọc được tệp: {detail}",
        "cannot read the file: {detail}";
    SCENARIO:
        "Kịch bản",
        "Scenario";
    HEADING_CERTIFIED_COMMUNES:
        "Xã đạt chuẩn",
        "Certified communes";
    BORDER_COMMUNES_CRITERIA_EACH:
        "Xã biên giới: tiêu chí/xã",
        "Border communes: criteria each";
    MONEY_SHORT_BN_VND:
        "Vốn thiếu (tỷ đồng)",
        "Money short (bn VND)";
    MONEY_IDLE_BN_VND:
        "Vốn không dùng được (tỷ đồng)",
        "Money idle (bn VND)";
    CRITERIA:
        "Tiêu chí",
        "Criteria";
    DISTRICTS:
        "Huyện",
        "Districts";
    COMMUNES:
        "Xã",
        "Communes";
    DRAWS:
        "Số lần rút",
        "Draws";
    SEED:
        "Hạt giống",
        "Seed";
    MEAN:
        "Trung bình",
        "Mean";
    HEADING_TARGET:
        "Mục tiêu",
        "Target";
    CHANCE_OF_REACHING_IT:
        "Khả năng đạt",
        "Chance of reaching it";
    RISK:
        "Rủi ro",
        "Risk";
    YEAR:
        "Năm",
        "Year";
    CERTIFIED:
        "Xã đạt chuẩn",
        "Certified";
    AVERAGE_CRITERIA:
        "Bình quân tiêu chí/xã",
        "Average criteria";
    BORDER_AVERAGE:
        "Biên giới: tiêu chí/xã",
        "Border average";
    LOWEST_COMMUNE_CRITERIA:
        "Xã thấp nhất (tiêu chí)",
        "Lowest commune (criteria)";
    SHORT:
        "Vốn thiếu",
        "Short";
    IDLE:
        "Vốn không dùng",
        "Idle";
    PATH:
        "Lộ trình",
        "Path";
    EXCEL_NOT_A_ZIP:
        "không phải tệp Excel .xlsx (không có cấu trúc zip)",
        "not an Excel .xlsx file (no zip structure)";
    EXCEL_FILE_DAMAGED:
        "tệp Excel bị hỏng",
        "the Excel file is damaged";
    ARCHIVE_PART_DAMAGED:
        "phần {part} của tệp Excel bị hỏng hoặc bị cắt cụt",
        "the part {part} of the Excel file is damaged or cut short";
    ARCHIVE_PART_TOO_LARGE:
        "phần {part} quá lớn khi giải nén (tối đa {max} MB)",
        "the part {part} is too large once inflated (at most {max} MB)";
    ARCHIVE_PART_COMPRESSION:
        "phần {part} dùng kiểu nén {m} không hỗ trợ",
        "the part {part} uses compression method {m}, not supported";
    ARCHIVE_PART_NOT_UTF_8:
        "phần {part} không phải văn bản UTF-8",
        "the part {part} is not UTF-8 text";
    ARCHIVE_PART_BROKEN_XML:
        "phần {part} không đọc được (XML hỏng)",
        "the part {part} cannot be read (broken XML)";
    SHEET_MISSING:
        "không có trang tính ở {path}",
        "no sheet at {path}";
    PERCENT_FIGURE:
        "{n} %",
        "{n}%";
    AMOUNT_ERROR_EMPTY:
        "Hãy nhập một số",
        "Enter a number";
    AMOUNT_ERROR_NOT_A_NUMBER:
        "Không phải số (ví dụ: 1.234,5 hoặc 1234.5)",
        "Not a number (e.g. 1,234.5 or 1234.5)";
    AMOUNT_ERROR_NEGATIVE:
        "Không được âm",
        "Must not be negative";
    AMOUNT_ERROR_NOT_WHOLE:
        "Phải là số nguyên",
        "Must be a whole number";
    AMOUNT_ERROR_TOO_LARGE:
        "Quá lớn (tối đa {max})",
        "Too large (at most {max})";
    START_OF_YEAR:
        "Đầu năm",
        "Start of year";
    PROJECTED:
        "Dự kiến cuối năm",
        "Projected";
    TARGET_OF_YEAR:
        "Chỉ tiêu {year}",
        "{year} target";
    RISK_P10_P90:
        "Rủi ro P10–P90",
        "Risk P10–P90";
    CRITERION:
        "Tiêu chí",
        "Criterion";
    COMMUNES_MEETING_IT:
        "Số xã đạt",
        "Communes meeting it";
    BAND_UNDER_FIVE:
        "< 5",
        "< 5";
    HEADING_PROJECTED:
        "Dự kiến",
        "Projected";
    CRITERIA_MET:
        "Số tiêu chí đạt",
        "Criteria met";
    HEADING_COMMUNES:
        "Số xã",
        "Communes";
    N_CERTIFIED:
        "{count} đạt chuẩn",
        "{count} certified";
    HEADING_IDLE_MONEY:
        "Không dùng được",
        "Idle";
    DID_NOT_ARRIVE:
        "Không về",
        "Did not arrive";
    HEADING_BILLION_VND:
        "Tỷ đồng",
        "Billion VND";
    CHART_FILE_PREFIX:
        "bieu-do",
        "chart";
    DOWNLOAD_THE_CHART_AS_SVG:
        "Tải biểu đồ dạng SVG",
        "Download the chart as SVG";
    DOWNLOAD_THE_CHART_AS_PNG:
        "Tải biểu đồ dạng PNG",
        "Download the chart as PNG";
    DATE_UNKNOWN:
        "(không rõ ngày)",
        "(date unknown)";
    DATE_LOCALE:
        "vi-VN",
        "en-GB";
    DISCARD_THE_UNREADABLE_SAVED_DATA:
        "Bỏ dữ liệu đã lưu bị hỏng",
        "Discard the unreadable saved data";
    CLOSE:
        "Đóng",
        "Close";
    OPEN:
        "Mở",
        "Open";
    NEW_NAME:
        "Tên mới:",
        "New name:";
    RENAME:
        "Đổi tên",
        "Rename";
    DUPLICATE:
        "Nhân bản",
        "Duplicate";
    SCENARIO_DELETE_CONFIRM:
        "Xóa kịch bản \"{name}\"?",
        "Delete the scenario \"{name}\"?";
    DELETE:
        "Xóa",
        "Delete";
    NAME:
        "Tên",
        "Name";
    SAVE:
        "Lưu",
        "Save";
    DOWNLOAD_SCENARIO_FILE:
        "Tải tệp kịch bản",
        "Download scenario file";
    OPEN_SCENARIO_FILE:
        "Mở tệp kịch bản…",
        "Open scenario file…";
    SCENARIOS_KEPT_NOTE:
        "Kịch bản đang xem được tự lưu trong trình duyệt và nằm trong địa chỉ trang: sao chép địa chỉ để gửi.",
        "The scenario shown is kept in this browser and in the page's address: copy the address to share it.";
    COLUMNS_NOT_USED:
        "Cột không dùng:",
        "Columns not used:";
    COMMUNES_FILE:
        "Số xã đạt (tệp)",
        "Communes (file)";
    PLAN_START:
        "Kế hoạch: đầu năm",
        "Plan: start";
    IMPORT_CONFIRM:
        "Thay bảng xã bằng bảng này",
        "Replace the commune table with this one";
    CANCEL:
        "Hủy",
        "Cancel";
    IMPORT_ROWS_WRONG:
        "{file}: {count} dòng có lỗi. Chưa thay đổi gì.",
        "{file}: {count} rows are wrong. Nothing was changed.";
    IMPORT_FAILED:
        "{file}: không nhập được. Chưa thay đổi gì.",
        "{file}: cannot be imported. Nothing was changed.";
    IMPORT_MORE_ROWS:
        "… và {more} dòng khác",
        "… and {more} more rows";
    IMPORT_PANEL_TITLE:
        "Bảng xã của tỉnh",
        "The province's commune table";
    IMPORT_TABLE_IN_USE:
        "Đang dùng: {name}",
        "In use: {name}";
    IMPORT_ILLUSTRATIVE_IN_USE:
        "Đang dùng: bảng minh họa",
        "In use: the illustrative table";
    IMPORT_TABLE_BUTTON:
        "Nhập bảng xã (CSV hoặc Excel)…",
        "Import a commune table (CSV or Excel)…";
    IMPORT_BACK_TO_ILLUSTRATIVE:
        "Quay lại bảng minh họa",
        "Back to the illustrative table";
    IMPORT_COLUMNS_HINT:
        "Cột: Mã xã, Tên xã, Huyện, Biên giới, ĐBKK, Phấn đấu (0/1), TC1…TC{last} (0/1), Chi phí TC1…TC{last} (tỷ đồng, có thể để trống).",
        "Columns: id, name, district, border, difficult, priority (0/1), tc1…tc{last} (0/1), cost1…cost{last} (billion VND, may be empty).";
    LEVERS:
        "Đòn bẩy",
        "Levers";
    ORDER_LABEL:
        "Thứ tự ưu tiên xã",
        "Which communes go first";
    LEVER_FUNDING_SHARE:
        "Tỷ trọng trong tổng",
        "Share of the total";
    LEVER_PLAN_FIGURE:
        "Số của kế hoạch",
        "The plan's figure";
    PLAN:
        "KH",
        "Plan";
    FUNDING_BILLION_VND:
        "Nguồn vốn (tỷ đồng)",
        "Funding (billion VND)";
    TOTAL:
        "Tổng",
        "Total";
    FUNDING_STATED_TOTAL:
        "văn bản ghi",
        "document states";
    INVESTMENT_BY_CRITERION_BILLION_VND:
        "Đầu tư theo tiêu chí (tỷ đồng)",
        "Investment by criterion (billion VND)";
    SCALE_ALL_TO:
        "Nhân tất cả với",
        "Scale all to";
    SCALE_EVERY_INVESTMENT:
        "Nhân tất cả mức đầu tư (%)",
        "Scale every investment (%)";
    LEVER_INVESTMENT_PLAN_FIGURE:
        "Mức của kế hoạch: đủ để đạt chỉ tiêu {year}",
        "The plan's figure: enough to reach the {year} target";
    LEVER_RESET_TIP:
        "Về mức kế hoạch",
        "Back to the plan's figure";
    LEVER_RESET_LABEL:
        "Về mức kế hoạch:",
        "Back to the plan's figure:";
    DISBURSEMENT_FIELD_SUFFIX:
        "giải ngân, %",
        "disbursement, %";
    ASSUMPTIONS_PANEL_TITLE:
        "Giả định: giải ngân, đơn giá, nguồn được chi cho tiêu chí nào",
        "Assumptions: disbursement, unit costs, which source pays for what";
    HEADING_DISBURSEMENT_PERCENT:
        "Tỷ lệ giải ngân (%)",
        "Disbursement (%)";
    ELIGIBILITY_HEADING:
        "Nguồn vốn được chi cho tiêu chí",
        "Which source may pay for which criterion";
    UNIT_COSTS_HEADING:
        "Đơn giá (tỷ đồng/xã, giả định)",
        "Unit costs (billion VND a commune, assumed)";
    UNIT_COSTS_NOTE:
        "Kế hoạch không nêu đơn giá. Bảng xã ghi chi phí từng xã; đơn giá chỉ dùng cho ô chi phí để trống (×{border} xã biên giới, ×{difficult} xã ĐBKK). Sửa đơn giá ở mục \"Chỉ tiêu và đơn giá của tỉnh\".",
        "The plan gives no unit costs. The commune table gives each commune's costs; a unit cost applies only where a cost is left empty (×{border} on the border, ×{difficult} in difficult communes). Edit them under \"The province's targets and unit costs\".";
    PAGE_TITLE:
        "Mô phỏng kế hoạch nông thôn mới — {province} {year}",
        "New Rural Development planner — {province} {year}";
    RESULTS:
        "Kết quả",
        "Results";
    PAGE_FOOTER:
        "Mô hình một năm, tất định (model.md). Nguồn: {title}.",
        "One-year deterministic model (model.md). Source: {title}.";
    APP_TITLE:
        "Mô phỏng kế hoạch xây dựng nông thôn mới",
        "New Rural Development planner";
    PLAN_SUBTITLE:
        "Tỉnh {province} · năm {year} · {communes} xã · {criteria} tiêu chí",
        "{province} province · {year} · {communes} communes · {criteria} criteria";
    TOOLS:
        "Công cụ",
        "Tools";
    PRESETS:
        "Kịch bản mẫu",
        "Presets";
    CHOOSE:
        "— chọn —",
        "— choose —";
    UNDO_CTRL_Z:
        "Hoàn tác (Ctrl+Z)",
        "Undo (Ctrl+Z)";
    UNDO:
        "↶ Hoàn tác",
        "↶ Undo";
    REDO_CTRL_Y:
        "Làm lại (Ctrl+Y)",
        "Redo (Ctrl+Y)";
    REDO:
        "↷ Làm lại",
        "↷ Redo";
    RESET_TO_THE_PLAN:
        "Về kế hoạch",
        "Reset to the plan";
    SWITCH_LANGUAGE:
        "Switch to English",
        "Chuyển sang tiếng Việt";
    OTHER_LANGUAGE:
        "English",
        "Tiếng Việt";
    ILLUSTRATIVE_BANNER:
        "Số liệu từng xã là minh họa (mã, tên, huyện là thật; tình trạng và chi phí do chương trình tạo ra, khớp với số liệu tổng của kế hoạch). Hãy nhập bảng xã của tỉnh để có kết quả thật.",
        "The commune data is illustrative (real codes, names and districts; made-up status and costs that add up to the plan's totals). Import the province's own table for real results.";
    RISK_WORD:
        "rủi ro",
        "risk";
    HEADLINE_RESULTS:
        "Kết quả chính",
        "Headline results";
    HEADLINE_CERTIFIED_NOTE:
        "mục tiêu {target} · đầu năm {start}",
        "target {target} · start of year {start}";
    TARGET_AT_LEAST:
        "mục tiêu ≥",
        "target ≥";
    TARGET_WORD:
        "mục tiêu",
        "target";
    MONEY_SHORT_BILLION_VND:
        "Vốn thiếu (tỷ đồng)",
        "Money short (billion VND)";
    HEADLINE_SHORTFALL_NOTE:
        "đầu tư không có nguồn",
        "investment no source covers";
    MONEY_IDLE_BILLION_VND:
        "Vốn không dùng được (tỷ đồng)",
        "Money idle (billion VND)";
    HEADLINE_IDLE_NOTE:
        "vốn về nhưng không có tiêu chí để chi",
        "arrived with nothing it may pay for";
    DISBURSEMENT_CHANGED:
        "{name} giải ngân {percent} %",
        "{name} disbursed at {percent}%";
    ELIGIBILITY_CHANGED:
        "{name}: tiêu chí được chi khác",
        "{name}: other criteria";
    INVESTMENT_CHANGED:
        "đầu tư {invest_changed} tiêu chí khác kế hoạch (tổng {before} → {after})",
        "investment in {invest_changed} criteria differs (total {before} → {after})";
    EXPLAIN_PLAN_ALL_TARGETS_MET:
        "Đây là kịch bản kế hoạch: mọi tiêu chí đạt chỉ tiêu {year}, {certified} xã đạt chuẩn.",
        "This is the plan scenario: every criterion reaches its {year} target, {certified} communes certified.";
    EXPLAIN_PLAN_CRITERIA_SHORT:
        "Đây là kịch bản kế hoạch: {n} tiêu chí chưa đạt chỉ tiêu {year}, {certified} xã đạt chuẩn.",
        "This is the plan scenario: {n} criteria short of their {year} target, {certified} communes certified.";
    EXPLAIN_AGAINST_PLAN:
        "So với kế hoạch: {certified} xã đạt chuẩn ({certified_change}), bình quân {average} tiêu chí/xã ({average_change})",
        "Against the plan: {certified} communes certified ({certified_change}), {average} criteria a commune ({average_change})";
    EXPLAIN_BELOW_TARGET:
        ", {missed} tiêu chí dưới chỉ tiêu",
        ", {missed} criteria below target";
    EXPLAIN_SHORTFALL:
        ", thiếu {amount} tỷ đồng",
        ", {amount} billion VND short";
    EXPLAIN_IDLE:
        ", {amount} tỷ đồng không dùng được",
        ", {amount} billion VND idle";
    EXPLAIN_BECAUSE_OF:
        " — vì ",
        " — because of: ";
    CRITERIA_TABLE_TITLE:
        "{criteria} tiêu chí: số xã đạt",
        "The {criteria} criteria: communes meeting each";
    START:
        "Đầu năm",
        "Start";
    HEADING_TARGET_SET:
        "Chỉ tiêu",
        "Target";
    GAP:
        "Chênh",
        "Gap";
    INVESTED_BN:
        "Đầu tư (tỷ)",
        "Invested (bn)";
    HEADING_MONEY_SHORT:
        "Thiếu vốn",
        "Short";
    RISK_BAND_COLUMN_TIP:
        "Khoảng P10–P90 số xã đạt, theo mục Rủi ro",
        "P10–P90 of communes meeting it, from Risk";
    N_COMMUNES:
        "{matching} xã",
        "{matching} communes";
    COMMUNES_GRID_TITLE:
        "Các xã và {criteria} tiêu chí",
        "The communes and their {criteria} criteria";
    DISTRICT:
        "Huyện",
        "District";
    ALL_OF_THEM:
        "Tất cả",
        "All";
    BORDER:
        "Biên giới",
        "Border";
    HEADING_BORDER_COMMUNES:
        "Xã biên giới",
        "Border communes";
    INLAND_COMMUNES:
        "Không biên giới",
        "Inland communes";
    STATUS:
        "Tình trạng",
        "Status";
    CERTIFIED_END_OF_YEAR:
        "Đạt chuẩn (cuối năm)",
        "Certified (end of year)";
    NEWLY_CERTIFIED:
        "Đạt chuẩn mới trong năm",
        "Newly certified";
    NOT_CERTIFIED:
        "Chưa đạt chuẩn",
        "Not certified";
    DIFFERENT_FROM_THE_PLAN:
        "Khác kịch bản kế hoạch",
        "Different from the plan";
    GRID_LEGEND:
        "● đạt từ đầu năm · ◆ đạt thêm trong năm · ○ kế hoạch đạt nhưng kịch bản này không · hàng viền cam: khác kế hoạch. Bấm một xã để xem chi tiết.",
        "● met at the start · ◆ gained this year · ○ gained in the plan but not here · orange-edged rows differ from the plan. Click a commune for details.";
    COMMUNE:
        "Xã",
        "Commune";
    MET:
        "Số TC",
        "Met";
    BORDER_MARK:
        "xã biên giới",
        "border";
    DIFFICULT:
        "xã ĐBKK",
        "difficult";
    REGISTERED_FOR_YEAR:
        "phấn đấu đạt chuẩn {year}",
        "registered for {year}";
    MET_AT_THE_START:
        "đạt từ đầu năm",
        "met at the start";
    GAINED_THIS_YEAR:
        "đạt thêm trong năm",
        "gained this year";
    NOT_MET_THE_PLAN_MET:
        "chưa đạt (kế hoạch: đạt)",
        "not met (the plan: met)";
    NOT_MET:
        "chưa đạt",
        "not met";
    HEADING_CRITERIA_MET:
        "Số tiêu chí",
        "Criteria met";
    COST_BN:
        "Chi phí (tỷ)",
        "Cost (bn)";
    AS_PROVINCES_REPORT_RANGE:
        "Như các tỉnh báo cáo ({low}–{high}%)",
        "As provinces report ({low}–{high}%)";
    AS_IN_2022_RANGE:
        "Như năm 2022 ({low}–{high}%)",
        "As in 2022 ({low}–{high}%)";
    FULL_DISBURSEMENT:
        "Giải ngân đủ",
        "Full disbursement";
    RISK_FIELD_OUT_OF_RANGE:
        "{field}: giá trị ngoài khoảng cho phép.",
        "{field}: the value is out of range.";
    RISK_FIELD_NOT_A_NUMBER:
        "{field}: không phải số.",
        "{field}: not a number.";
    RISK_RANGE_INVALID:
        "{name}: cần đủ ba số 0–100 với thấp nhất ≤ thường gặp ≤ cao nhất (hoặc để trống cả ba).",
        "{name}: needs three numbers 0–100 with least ≤ most likely ≤ largest (or all three empty).";
    RISK_PANEL_TITLE:
        "Rủi ro: khả năng đạt mục tiêu",
        "Risk: how likely the targets are";
    RISK_PANEL_HINT:
        "Kịch bản đang xem được tính lại nhiều lần: vốn nhà nước về theo một khoảng (thấp nhất, thường gặp, cao nhất), chi phí từng xã lệch quanh dự toán, một phần công trình chậm sang năm sau. Nguồn số liệu: seeds/risk/README.md.",
        "The scenario shown, drawn many times: state money arrives within a range (least, most likely, largest), each commune's costs vary around the estimate, some works slip past the year. Where the figures come from: seeds/risk/README.md.";
    DISBURSEMENT_ASSUMPTION:
        "Giả định giải ngân",
        "Disbursement assumption";
    COST_SPREAD:
        "Chi phí lệch (σ, %)",
        "Cost spread (σ, %)";
    WORKS_DONE_WITHIN_THE_YEAR:
        "Công trình xong trong năm (%)",
        "Works done within the year (%)";
    RISK_RANGES_CAPTION:
        "Tỷ lệ giải ngân theo nguồn (%): để trống là theo kịch bản",
        "Disbursement by source (%): empty keeps the scenario's";
    SOURCE:
        "Nguồn",
        "Source";
    LEAST:
        "Thấp nhất",
        "Least";
    MOST_LIKELY:
        "Thường gặp",
        "Most likely";
    LARGEST:
        "Cao nhất",
        "Largest";
    RISK_RUN_IN_WORKER:
        "luồng phụ",
        "worker";
    RISK_RUN_ON_PAGE:
        "trang",
        "page";
    RISK_DRAWING_PROGRESS:
        "đang tính {done}/{total} lần ({place})",
        "drawing {done}/{total} ({place})";
    DRAWS_DONE:
        "xong {total} lần ({place})",
        "{total} draws done ({place})";
    RISK_CERTIFIED_CHANCE:
        "Khả năng đạt {target} xã đạt chuẩn: {chance}",
        "Chance of reaching {target} certified communes: {chance}";
    RISK_OTHER_CHANCES:
        "Khả năng bình quân ≥ {average}: {average_chance} · biên giới ≥ {border}: {border_chance}",
        "Chance of an average ≥ {average}: {average_chance} · border ≥ {border}: {border_chance}";
    RISK_HISTOGRAM_LABEL:
        "Số lần rút theo số xã đạt chuẩn",
        "Draws by certified communes";
    SHOWN_NOW:
        "Đang xem",
        "Shown now";
    CRITERION_COMMUNES:
        "Tiêu chí (số xã đạt)",
        "Criterion (communes)";
    COMPARE_PICK_HINT:
        "Chọn từ 2 đến 4 kịch bản để so sánh.",
        "Pick two to four scenarios to compare.";
    COMPARE_CHART_CAPTION:
        "Số xã đạt từng tiêu chí theo kịch bản (vạch đen: chỉ tiêu)",
        "Communes meeting each criterion, by scenario (black: target)";
    SCENARIOS_SIDE_BY_SIDE:
        "So sánh kịch bản",
        "Scenarios side by side";
    COMPARE_NOTE:
        "Chênh lệch so với kịch bản đầu tiên được chọn; xanh: tốt hơn, đỏ: kém hơn.",
        "Differences against the first scenario picked; green: better, red: worse.";
    EXPORT_AND_PRESENT:
        "Xuất và trình bày",
        "Export and present";
    COMPARE_SCENARIOS:
        "So sánh kịch bản",
        "Compare scenarios";
    PRESENT:
        "Trình chiếu",
        "Present";
    PRINTABLE_REPORT:
        "Báo cáo để in",
        "Printable report";
    EXPORT_CSV:
        "Xuất CSV",
        "Export CSV";
    EXPORT_EXCEL:
        "Xuất Excel",
        "Export Excel";
    HEADLINE:
        "Kết quả chính",
        "Headline";
    TARGETS_BEYOND_CERTIFIED:
        "xã đạt chuẩn NTM (mục tiêu {target})",
        "certified communes (target {target})";
    CRITERIA_SLIDE_TITLE:
        "{criteria} tiêu chí",
        "The {criteria} criteria";
    HEADING_DISTRICTS:
        "Các huyện",
        "Districts";
    COMMUNES_BY_CRITERIA_MET:
        "Các xã theo số tiêu chí đạt",
        "Communes by criteria met";
    PATH_PANEL_TITLE:
        "Lộ trình nhiều năm",
        "Years: the path";
    THE_PLAN:
        "Kế hoạch",
        "The plan";
    SLIDES_KEYS_HINT:
        "← → hoặc PageUp/PageDown để chuyển trang · Esc để thoát",
        "← → or PageUp/PageDown to move · Esc to leave";
    COMMUNES_MEETING_EACH_CRITERION:
        "Số xã đạt từng tiêu chí",
        "Communes meeting each criterion";
    CHART_COMMUNES_BY_CRITERIA_MET:
        "Số xã theo số tiêu chí đạt",
        "Communes by criteria met";
    CHART_SOURCES_TITLE:
        "Vốn từng nguồn đã đi đâu",
        "Where each source's money went";
    REPORT_INVESTMENT_AS_PLANNED:
        "Đầu tư từng tiêu chí: như kế hoạch (đủ để đạt chỉ tiêu {year}).",
        "Investment by criterion: as in the plan (enough to reach the {year} targets).";
    REPORT_INVESTMENT_CHANGED_HEADING:
        "Đầu tư khác kế hoạch",
        "Investment that differs from the plan";
    HEADING_PLAN:
        "Kế hoạch",
        "Plan";
    PRINT_A4:
        "In (A4)",
        "Print (A4)";
    CLOSE_THE_REPORT:
        "Đóng báo cáo",
        "Close the report";
    REPORT_ISSUER:
        "ỦY BAN NHÂN DÂN TỈNH {province}",
        "{province} PROVINCIAL PEOPLE'S COMMITTEE";
    REPORT_TITLE:
        "BÁO CÁO KỊCH BẢN XÂY DỰNG NÔNG THÔN MỚI",
        "NEW RURAL DEVELOPMENT SCENARIO REPORT";
    REPORT_PROVINCE_YEAR:
        "Tỉnh {province} · năm {year}",
        "{province} province · {year}";
    DATE:
        "Ngày lập",
        "Date";
    REPORT_ILLUSTRATIVE_NOTE:
        "Lưu ý: số liệu từng xã là minh họa (tình trạng và chi phí do chương trình tạo ra, khớp với số liệu tổng của kế hoạch), chưa phải số liệu của tỉnh.",
        "Note: the commune data is illustrative (made-up status and costs that add up to the plan's totals), not the province's own.";
    REPORT_ASSUMPTIONS_HEADING:
        "1. Giả định",
        "1. Assumptions";
    SOURCE_BN_VND:
        "Nguồn vốn (tỷ đồng)",
        "Source (bn VND)";
    DISBURSED:
        "Giải ngân",
        "Disbursed";
    ARRIVED:
        "Về thực tế",
        "Arrived";
    HEADING_IDLE:
        "Không dùng",
        "Idle";
    REPORT_ELIGIBILITY_CHANGED:
        "{eligibility_changed} nguồn vốn được chi cho các tiêu chí khác giả định của kế hoạch.",
        "{eligibility_changed} sources may pay for other criteria than assumed.";
    REPORT_RESULTS_HEADING:
        "2. Kết quả",
        "2. Results";
    HEADING_CERTIFIED:
        "Đạt chuẩn",
        "Certified";
    CRITERIA_EACH:
        "Tiêu chí/xã",
        "Criteria each";
    REPORT_PATH_HEADING:
        "3. Lộ trình nhiều năm",
        "3. Years: the path";
    REPORT_GOALS_HEADING:
        "4. Mục tiêu và vốn thêm",
        "4. Goals and more money";
    REPORT_RISK_HEADING:
        "5. Rủi ro",
        "5. Risk";
    DATA_SOURCE:
        "Nguồn số liệu",
        "Source";
    REACHED:
        "đạt",
        "reached";
    NOT_REACHED:
        "chưa đạt",
        "not reached";
    PATH_CERTIFIED_CHECK:
        "{year}: {value} xã đạt chuẩn, mục tiêu {target} — {mark}",
        "{year}: {value} communes certified, target {target} — {mark}";
    LOWEST_COMMUNE:
        "Xã thấp nhất",
        "Lowest commune";
    PATH_PRINTED_NOTE:
        "Mỗi năm giữ đòn bẩy của năm trước, trừ năm có kịch bản riêng; vốn chưa về, không dùng và chưa chi được chuyển sang năm sau.",
        "Each year keeps the year before's levers, except a year with its own scenario; money not arrived, idle or unspent goes on to the next year.";
    RISK_STILL_DRAWING:
        "Đang tính rủi ro…",
        "The risk run is still drawing…";
    RISK_DRAWS_NOTE:
        "{draws} lần rút, hạt giống {seed}; giải ngân, chi phí và tiến độ theo giả định ở mục Rủi ro.",
        "{draws} draws, seed {seed}; disbursement, costs and delivery as set under Risk.";
    NO_DISTRICT_COLUMN_ON_THE_PAGE:
        "Bảng xã không có cột huyện (chính quyền hai cấp từ 7/2025): không có kết quả theo huyện.",
        "The commune table has no district column (two-tier local government since July 2025): no results by district.";
    NEW_SCENARIO:
        "Kịch bản mới",
        "New scenario";
    TARGET_COMMUNES:
        "chỉ tiêu (số xã)",
        "target (communes)";
    UNIT_COST_BN_VND_A_COMMUNE:
        "đơn giá (tỷ đồng/xã)",
        "unit cost (bn VND a commune)";
    TARGETS_PANEL_TITLE:
        "Chỉ tiêu và đơn giá của tỉnh (sửa được)",
        "The province's targets and unit costs (editable)";
    TARGETS_PANEL_NOTE:
        "Mặc định là số của kế hoạch (KH). Chỉ tiêu từng tiêu chí quyết định mức đầu tư mặc định (đủ để đạt chỉ tiêu); đơn giá chỉ dùng cho xã có ô chi phí để trống trong bảng xã. Các số này đi cùng kịch bản: lưu, liên kết, tệp kịch bản.",
        "The plan's figures (KH) by default. A criterion's target sets its default investment (enough to reach it); a unit cost applies only to communes whose cost cell is empty in the commune table. These go with the scenario: saved, linked, in scenario files.";
    HEADING_TARGET_COMMUNES:
        "Chỉ tiêu (xã)",
        "Target (communes)";
    UNIT_COST_BN:
        "Đơn giá (tỷ/xã)",
        "Unit cost (bn)";
    TARGETS_RESET:
        "Về chỉ tiêu và đơn giá của kế hoạch",
        "Back to the plan's targets and unit costs";
    PATH_CERTIFIED_CHECK_SHORT:
        "{year}: {value} / {target} xã đạt chuẩn",
        "{year}: {value} / {target} communes certified";
    PATH_MINIMUM_CHECK_SHORT:
        "xã thấp nhất đạt {value} / {target} tiêu chí",
        "the lowest commune meets {value} / {target} criteria";
    PATH_PANEL_HINT:
        "Kịch bản đang xem là của năm đầu; mỗi năm sau giữ kịch bản năm trước, trừ khi được đặt kịch bản riêng dưới đây; vốn chưa về, vốn không dùng và vốn chưa chi được chuyển sang năm sau.",
        "The scenario shown is the first year's; each later year keeps the year before's unless given its own below; money not arrived, idle or unspent goes on to the next year.";
    UNTIL:
        "Đến năm",
        "Until";
    TARGET_CERTIFIED_COMMUNES:
        "Mục tiêu xã đạt chuẩn",
        "Target: certified communes";
    NO_COMMUNE_UNDER_CRITERIA:
        "Không xã nào dưới (tiêu chí)",
        "No commune under (criteria)";
    COSTS_GROW_A_YEAR:
        "Chi phí tăng mỗi năm (%)",
        "Costs grow a year (%)";
    PATH_CARRY_LEFTOVER:
        "Chuyển vốn còn lại sang năm sau",
        "Carry what is left to the next year";
    PATH_GROWTH_INVALID:
        "Tỷ lệ tăng chi phí phải là số từ -50 đến 100 (%).",
        "Cost growth must be a number from -50 to 100 (%).";
    PATH_TARGET_INVALID:
        "Hãy nhập số nguyên không âm (mục tiêu giữ như cũ).",
        "Type a whole number, not negative (the target stays as it was).";
    DOWNLOAD_PATH_FILE:
        "Tải tệp lộ trình",
        "Download path file";
    OPEN_PATH_FILE:
        "Mở tệp lộ trình…",
        "Open path file…";
    CRITERIA_A_COMMUNE:
        "TC/xã",
        "Criteria a commune";
    HEADING_BORDER_AVERAGE:
        "Biên giới TC/xã",
        "Border average";
    HEADING_LOWEST_COMMUNE_CRITERIA:
        "Xã thấp nhất (TC)",
        "Lowest commune";
    CARRIED_OVER:
        "Chuyển sang năm sau",
        "Carried over";
    RISK_P10_P90_CERTIFIED:
        "Rủi ro P10–P90 (xã đạt chuẩn)",
        "Risk P10–P90 (certified)";
    PATH_CHART_LABEL:
        "Xã đạt chuẩn theo năm so với mục tiêu",
        "Certified communes by year against the target";
    GOAL_CERTIFIED_COMMUNES:
        "Số xã đạt chuẩn",
        "Certified communes";
    BORDER_COMMUNES_AVERAGE:
        "Bình quân tiêu chí xã biên giới",
        "Border communes' average";
    GOAL_BUDGET_CHOICE:
        "Ngân sách (tỷ đồng): nhiều xã đạt chuẩn nhất",
        "Budget (billion VND): most communes certified";
    GOAL_VALUE_INVALID:
        "Giá trị mục tiêu phải là một số không âm (ví dụ 100 hoặc 14,5).",
        "The goal's value must be a number, not negative (for example 100 or 14.5).";
    GOALS_PANEL_TITLE:
        "Mục tiêu: cần ít nhất bao nhiêu?",
        "Goals: what is the least it takes?";
    GOAL:
        "Mục tiêu",
        "Goal";
    VALUE:
        "Giá trị",
        "Value";
    FIND:
        "Tìm",
        "Find";
    GOAL_BUDGET_ANSWER:
        "Với ngân sách này: {certified} xã đạt chuẩn.",
        "Within this budget: {certified} communes certified.";
    LEAST_TOTAL_INVESTMENT:
        "Tổng đầu tư ít nhất",
        "Least total investment";
    BILLION_VND_UNIT:
        "tỷ đồng",
        "billion VND";
    SAVING_AGAINST_THE_SCENARIO:
        "Tiết kiệm so với kịch bản",
        "Saving against the scenario";
    GOAL_EXTRA_OVER_SCENARIO:
        "Cần thêm so với kịch bản",
        "More than the scenario invests";
    PROVEN_LEAST:
        "Chứng minh là ít nhất?",
        "Proven least?";
    YES:
        "có",
        "yes";
    GOAL_GREEDY_NOTE:
        "không (cách tham lam; có thể còn rẻ hơn)",
        "no (greedy; a cheaper answer may exist)";
    SHORT_WITH_THE_CURRENT_FUNDING:
        "Vốn thiếu với nguồn vốn hiện có",
        "Short with the current funding";
    INVESTED_IN:
        "Đầu tư vào",
        "Invested in";
    COMMUNES_NEWLY_CERTIFIED:
        "Xã đạt chuẩn mới",
        "Communes newly certified";
    APPLY_AS_THE_CURRENT_SCENARIO:
        "Áp dụng làm kịch bản hiện tại",
        "Apply as the current scenario";
    MARGINS_HEADING:
        "Thêm vốn cho tiêu chí nào được nhiều nhất?",
        "Where does more money buy most?";
    AMOUNT_MORE_BILLION_VND:
        "Số tiền thêm (tỷ đồng)",
        "Amount more (billion VND)";
    MARGINS_HINT:
        "Mỗi dòng: kịch bản hiện tại với số tiền này cộng vào một tiêu chí, chi từ các nguồn vốn như kịch bản; \"vốn thiếu\" là phần các nguồn không trả được.",
        "Each row: the current scenario with this amount added to one criterion, paid by the sources as the scenario pays; \"short\" is what the sources cannot pay.";
    MORE_CERTIFIED:
        "Thêm xã đạt chuẩn",
        "More certified";
    MORE_CRITERIA_MET:
        "Thêm tiêu chí đạt",
        "More criteria met";
    NOT_A_VALID_AMOUNT:
        "Số tiền không hợp lệ.",
        "Not a valid amount.";
    CHART_CRITERIA_TITLE:
        "Số xã đạt từng tiêu chí: đầu năm, dự kiến, chỉ tiêu",
        "Communes meeting each criterion: start, projected, target";
    CHART_DISTRICTS_TITLE:
        "Bình quân tiêu chí/xã theo huyện",
        "Average criteria a commune, by district";
    AVERAGE_CRITERIA_A_COMMUNE_AT_LEAST:
        "Bình quân tiêu chí/xã (tối thiểu)",
        "Average criteria a commune (at least)";
    BORDER_COMMUNES_CRITERIA_EACH_FROM:
        "Xã biên giới: tiêu chí/xã, từ",
        "Border communes: criteria each, from";
    BORDER_COMMUNES_CRITERIA_EACH_TO:
        "Xã biên giới: tiêu chí/xã, đến",
        "Border communes: criteria each, to";
    ID:
        "Mã",
        "Id";
    INVESTMENT_BN_VND:
        "Đầu tư (tỷ đồng)",
        "Investment (bn VND)";
    COVERED:
        "Được cấp vốn",
        "Covered";
    SHORTFALL:
        "Thiếu vốn",
        "Shortfall";
    UNUSED:
        "Chưa dùng",
        "Unused";
    HEADING_COMMUNE_ID:
        "Mã xã",
        "Id";
    HEADING_COMMUNE_NAME:
        "Tên xã",
        "Commune";
    HEADING_DIFFICULT:
        "ĐBKK",
        "Difficult";
    PRIORITY:
        "Phấn đấu",
        "Priority";
    CRITERIA_AT_START:
        "Số TC đầu năm",
        "Criteria at start";
    CRITERIA_AT_END:
        "Số TC cuối năm",
        "Criteria at end";
    HEADING_SOURCE:
        "Nguồn vốn",
        "Source";
    PLEDGED:
        "Dự kiến",
        "Pledged";
    GOAL_CAN_BE_REACHED:
        "Đạt được mục tiêu.",
        "The goal can be reached.";
    GOAL_NOT_REACHABLE:
        "Không đạt được kể cả khi đầu tư cho mọi xã còn thiếu.",
        "Not reachable even paying for every commune still short.";
    ORDER_CHANGED:
        "ưu tiên: {order}",
        "order: {order}";
    TABLE_READ_NO_DISTRICTS:
        ": đọc được {communes} xã (không có cột huyện); {certified} xã đạt chuẩn, {border} xã biên giới.",
        ": {communes} communes read (no district column); {certified} certified, {border} on the border.";
    TABLE_READ:
        ": đọc được {communes} xã, {districts} huyện; {certified} xã đạt chuẩn, {border} xã biên giới.",
        ": {communes} communes read, {districts} districts; {certified} certified, {border} on the border.";
    INVALID_JSON:
        "JSON không hợp lệ ở dòng {line}, cột {column}{cut}",
        "invalid JSON at line {line}, column {column}{cut}";
    JSON_CUT_SHORT:
        " (văn bản bị cắt giữa chừng)",
        " (the text is cut short)";
    FIELD_ERROR_NOT_AN_OBJECT:
        "trường \"{field}\" phải là một đối tượng JSON {…}",
        "the field \"{field}\" must be a JSON object {…}";
    FIELD_ERROR_WRONG_TYPE:
        "trường \"{field}\": phải là {expected}",
        "field \"{field}\": must be a {expected}";
    FIELD_TYPE_NUMBER:
        "một số",
        "number";
    FIELD_TYPE_STRING:
        "một chuỗi",
        "string";
    FIELD_TYPE_ARRAY:
        "một danh sách",
        "array";
    FIELD_TYPE_OBJECT:
        "một đối tượng JSON {…}",
        "object";
    FIELD_TYPE_WHOLE_NUMBER:
        "một số nguyên không âm",
        "whole number ≥ 0";
    CELL_BEYOND_LIMITS:
        "ô {cell} nằm ngoài giới hạn (tối đa {columns} cột, {rows} dòng)",
        "the cell {cell} is beyond the limits (at most {columns} columns, {rows} rows)";
    SHEET_TOO_MANY_ROWS:
        "trang tính có hơn {rows} dòng",
        "the sheet has more than {rows} rows";
    SHEET_TOO_MANY_CELLS:
        "trang tính có hơn {cells} ô",
        "the sheet has more than {cells} cells";
    CLOSEST_FIRST:
        "Gần đạt chuẩn trước",
        "Closest to the standard first";
    CHEAPEST_FIRST:
        "Chi phí thấp trước",
        "Cheapest first";
    EQUITY_FIRST:
        "Xã biên giới, khó khăn trước",
        "Border and difficult communes first";
    OWN_UNIT_COSTS_CHANGED:
        "đơn giá riêng cho {n} tiêu chí",
        "own unit costs for {n} criteria";
    OWN_CERTIFIED_TARGET:
        "chỉ tiêu xã đạt chuẩn {plan} → {now}",
        "certified target {plan} → {now}";
    OWN_OTHER_TARGETS:
        "{n} chỉ tiêu khác của tỉnh",
        "{n} other targets of the province's own";
    PLAN_STATED_TOTAL:
        "Tổng nhu cầu vốn ghi {stated} tỷ đồng, nhưng {sources} nguồn cộng lại là {sum} ({parts} = {sum}). Mô hình dùng số của từng nguồn: {sum} tỷ đồng.",
        "The plan states a total of {stated} billion VND, but its {sources} sources add up to {sum} ({parts} = {sum}). The model takes the sources as stated: {sum} billion VND.";
    PLAN_SOURCE_SHARE:
        "{name}: {amount} tỷ đồng ghi chiếm {stated} %, nhưng {amount} / {total} = {of_total} % (trên tổng {sources} nguồn {sum}: {of_sum} %).{hint}",
        "{name}: {amount} billion VND is stated as {stated}%, but {amount} / {total} = {of_total}% ({of_sum}% of the {sources} sources' {sum}).{hint}";
    PLAN_SHARE_FITTING:
        " Nếu là {fitting} tỷ đồng thì {sources} nguồn cộng lại đúng {total} và tỷ lệ là {fitting_share} %, gần với {stated} % hơn (có thể là lỗi đánh máy; văn bản không nói rõ).",
        " With {fitting} billion VND the {sources} sources would add up to {total} and the share would be {fitting_share}%, closer to {stated}% (perhaps a typo; the document does not say).";
    PLAN_SHARES_SUM:
        "Tỷ lệ các nguồn cộng lại là {sum} %, không phải 100 %.",
        "The sources' stated shares add up to {sum}%, not 100%.";
    PLAN_CRITERION_SHARE:
        "Tiêu chí {id} ({name}): {target}/{n} xã ghi {stated} %, nhưng {target}/{n} = {exact} % (làm tròn: {rounded} %).",
        "Criterion {id} ({name}): {target}/{n} communes is stated as {stated}%, but {target}/{n} = {exact}% (rounded: {rounded}%).";
    PLAN_CRITERION_BELOW_CERTIFIED:
        "Tiêu chí {id}: chỉ {target} xã đạt, ít hơn {certified} xã đạt chuẩn NTM (xã đạt chuẩn phải đạt mọi tiêu chí).",
        "Criterion {id}: only {target} communes meet it, fewer than the {certified} certified communes (a certified commune meets every criterion).";
    PLAN_CERTIFIED_SUM:
        "{start} + {new} xã đạt chuẩn mới ≠ {certified} xã.",
        "{start} + {new} newly certified ≠ {certified}.";
    PLAN_AVERAGE_BELOW:
        "Các chỉ tiêu từng tiêu chí cho bình quân {implied} tiêu chí/xã, dưới mục tiêu {target}.",
        "The criteria targets give {implied} criteria a commune, below the target of {target}.";
    PLAN_REFERENCE_DATE:
        "Văn bản số {number} (năm {number_year} trong số hiệu) ghi ngày {date} (năm {date_year}): số hiệu và ngày không khớp.",
        "Document {number} (year {number_year} in its number) is dated {date} (year {date_year}): the number and the date disagree.";
    NOTICE_CANNOT_SAVE:
        "Không lưu được vào trình duyệt (hết chỗ hoặc bị chặn).",
        "Cannot save in the browser (full or blocked).";
    NOTICE_STORAGE_BLOCKED:
        "Trình duyệt đang chặn lưu trữ của trang này: kịch bản sẽ không được giữ lại khi đóng trang. Hãy cho phép lưu dữ liệu trang web, hoặc tải tệp kịch bản về máy.",
        "The browser blocks this page's storage: scenarios will not be kept when the page closes. Allow site data, or download the scenario file.";
    NOTICE_IMPORTED_TABLE_UNREADABLE:
        "Bảng xã đã nhập không đọc được; đang dùng bảng minh họa.",
        "The imported commune table cannot be read; the illustrative table is in use.";
    NOTICE_SAVED_DATA_KEPT:
        "Dữ liệu đã lưu được giữ nguyên, không bị ghi đè; kịch bản sẽ không được lưu cho tới khi bạn bỏ dữ liệu hỏng.",
        "The saved data is left as it is, not overwritten; scenarios are not saved until you discard it.";
    NOTICE_LINK_BROKEN:
        "Liên kết bị hỏng hoặc không phải của trang này: đang hiển thị kế hoạch.",
        "The link is broken or not one of this page's: the plan is shown.";
    NOTICE_PATH_OPENED:
        "Đã mở lộ trình {name}.",
        "Opened the path {name}.";
    NOTICE_KEPT_PATH_UNREADABLE:
        "Đang hiển thị lộ trình mặc định; lộ trình đã lưu được giữ nguyên cho đến khi anh/chị sửa lộ trình.",
        "The default path is shown; the kept path is left as it was until you change the path.";
    NOTICE_LINK_PATH_BROKEN:
        "Lộ trình trong liên kết không đọc được: lộ trình đang xem được giữ nguyên.",
        "The path in the link cannot be read: the path on screen is left as it is.";
    PATH_MINIMUM_CHECK:
        "{year}: xã thấp nhất {value} tiêu chí, mục tiêu {target} — {mark}",
        "{year}: lowest commune {value} criteria, target {target} — {mark}";
    PATH_MEASURE_CHECK:
        "{year}: {what} {value}, mục tiêu {target} — {mark}",
        "{year}: {what} {value}, target {target} — {mark}";
    PATH_YEAR_STATUS_SHOWN:
        "kịch bản đang xem",
        "the scenario shown";
    PATH_YEAR_STATUS_OWN:
        "kịch bản riêng",
        "its own scenario";
    PATH_YEAR_STATUS_SAME:
        "như năm trước",
        "same as last year";
    PATH_FIRST_YEAR_NOTE:
        "Năm {year} dùng kịch bản đang xem: sửa bằng các đòn bẩy ở trên.",
        "{year} uses the scenario shown: edit it with the levers above.";
    PATH_YEAR_TAKE_FROM:
        "Lấy từ kịch bản",
        "Take from a scenario";
    PATH_YEAR_SAME_TOGGLE:
        "Năm {year} như năm {before}",
        "{year} the same as {before}";
    PATH_YEARS_HEADING:
        "Kịch bản từng năm",
        "The scenario of each year";
    PATH_OWN_YEARS_NOTE:
        "Năm có kịch bản riêng: {years}.",
        "Years with their own scenario: {years}.";
    PATH_CHART_COMPARE_LEGEND:
        "Đường mờ: từng kịch bản đang so sánh, cùng lộ trình.",
        "Faint lines: each scenario compared, on the same path.";
    GOAL_SOURCE_NONE_ARRIVES:
        "không có vốn nào về (giải ngân 0%)",
        "none of it arrives (0% disbursed)";
    MORE_FROM_SOURCE_ALONE:
        "Cần thêm nếu chỉ {name} bù",
        "More needed if {name} alone pays";
    MARGINS_SUMMARY_HEADING:
        "Thêm {amount} tỷ đồng vào tiêu chí nào được nhiều nhất:",
        "Where {amount} billion VND more buys most:";
    GOALS_AND_MARGINS:
        "Mục tiêu và vốn thêm",
        "Goals and more money";
    NO_GOAL_SOUGHT_YET:
        "Chưa tìm mục tiêu nào cho kịch bản này (bảng Mục tiêu).",
        "No goal sought yet for this scenario (the Goals panel).";
    PATH_PROGRESS:
        "Đang tính lộ trình… {done} / {of} năm",
        "Working out the path… {done} / {of} years";
    MARGINS_PROGRESS:
        "Đang tính… {done} / {of} tiêu chí",
        "Working it out… {done} / {of} criteria";
    SEEKING:
        "Đang tìm…",
        "Seeking…";
    FROM_YEAR:
        "Từ năm",
        "From";
    PATH_FIRST_YEAR_INVALID:
        "Năm phải từ 2000 đến 2090.",
        "A year from 2000 to 2090.";
    NO_MONEY_FOR_MORE:
        "Các nguồn vốn đã chi hết: thêm tiền cho một tiêu chí chỉ lấy bớt của tiêu chí khác (số xã đạt chuẩn có thể giảm). Hãy tăng nguồn vốn cùng lúc.",
        "The sources are fully spent: more for one criterion only takes from the others (certified communes may fall). Raise the funding with it.";
    NOTICE_PATH_UNCHANGED:
        "Lộ trình đang xem không đổi.",
        "The path shown is unchanged.";
    NOTICE_SCENARIO_OPENED:
        "Đã mở {name}.",
        "Opened {name}.";
    NOTICE_SCENARIO_UNCHANGED:
        "Kịch bản đang xem không đổi.",
        "The scenario shown is unchanged.";
    NOTICE_TABLE_NOT_KEPT:
        "Bảng xã đã được dùng nhưng không lưu được vào trình duyệt (quá lớn?): sẽ mất khi tải lại trang.",
        "The table is in use but could not be kept in the browser (too large?): it will be gone after a reload.";
    TARGETS_BEYOND_THE_TABLE:
        "Bảng xã đang dùng có {communes} xã; chỉ tiêu lớn hơn số đó không thể đạt ({count}): {list}. Sửa ở mục \"Chỉ tiêu và đơn giá của tỉnh\".",
        "The commune table in use has {communes} communes; targets larger than that cannot be reached ({count}): {list}. Change them under \"The province's targets and unit costs\".";
    TARGETS_BEYOND_CRITERION:
        "{name} (mục tiêu {target})",
        "{name} (target {target})";
    TARGETS_BEYOND_MORE:
        "và {n} chỉ tiêu khác",
        "and {n} more";
    PATH_TARGET_BEYOND_THE_TABLE:
        "Mục tiêu {target} xã đạt chuẩn năm {year} lớn hơn số xã của bảng đang dùng ({communes}): không thể đạt.",
        "The target of {target} certified communes in {year} is more than the table in use has ({communes}): it cannot be reached.";
    PLAN_SETS_NO_TARGET:
        "kế hoạch không đặt mục tiêu",
        "the plan sets no target";
    NO_BORDER_COMMUNES_IN_THE_TABLE:
        "bảng xã đang dùng không có xã biên giới",
        "the table in use has no border communes";
    MAP_TITLE:
        "Bản đồ các xã, cuối năm {year}",
        "Map of the communes, end of {year}";
    MAP_TITLE_CHANCE:
        "Bản đồ khả năng đạt chuẩn của các xã, cuối năm {year} ({draws} lần rút)",
        "Map of each commune's chance of being certified, end of {year} ({draws} draws)";
    MAP_CLASS_MISSING:
        "Thiếu {from}–{to} tiêu chí",
        "{from}–{to} criteria short";
    MAP_CLASS_MISSING_OR_MORE:
        "Thiếu {from} tiêu chí trở lên",
        "{from} or more criteria short";
    MAP_CLASS_CHANCE_AT_LEAST:
        "Khả năng từ {from}",
        "Chance {from} or more";
    MAP_CLASS_CHANCE:
        "Khả năng {from}–{to}",
        "Chance {from}–{to}";
    MAP_CLASS_CHANCE_UNDER:
        "Khả năng dưới {to}",
        "Chance under {to}";
    MAP_KEY_CHANGED:
        "Viền đen: khác kế hoạch",
        "Black ring: not as planned";
    MAP_KEY_BORDER:
        "Hình thoi: xã biên giới",
        "Diamond: border commune";
    MAP_KEY_FILTERED:
        "Chấm xám: ngoài bộ lọc",
        "Grey dot: filtered out";
    MAP_COMMUNE_CRITERIA:
        "{met}/{criteria} tiêu chí",
        "{met} of {criteria} criteria";
    MAP_COMMUNE_GAINED:
        "đạt thêm {gained} trong năm",
        "{gained} gained in the year";
    MAP_COMMUNE_CHANGED:
        "khác kế hoạch",
        "not as in the plan";
    MAP_BORDER_COMMUNE:
        "xã biên giới",
        "border commune";
    MAP_COMMUNE_CHANCE:
        "khả năng đạt chuẩn {chance}",
        "chance of certification {chance}";
    MAP_MERGED_INTO:
        "{name} (đã sáp nhập vào {into})",
        "{name} (merged into {into})";
    MAP_UNPLACED:
        "{count} xã không có vị trí trên bản đồ: {names}.",
        "{count} communes have no place on the map: {names}.";
    MAP_LAYOUT_2020:
        "xã theo địa giới 2020–2024",
        "communes as they stood 2020–2024";
    MAP_LAYOUT_2025:
        "đơn vị hành chính từ 1/7/2025",
        "units since 1 July 2025";
    MAP_LAYOUT_NONE:
        "không mã xã nào của bảng có vị trí",
        "no commune code of the table has a place";
    MAP_SOURCE:
        "Vị trí xã: vietnamadminunits (MIT), tâm xã; kích thước theo diện tích nếu có",
        "Commune places: vietnamadminunits (MIT), centroids; size by area where known";
    MAP_PANEL_TITLE:
        "Bản đồ các xã",
        "Map of the communes";
    MAP_COLOUR_BY:
        "Màu theo",
        "Colour by";
    MAP_SHOWS_CHANCE:
        "Khả năng đạt chuẩn (rủi ro)",
        "Chance of certification (risk)";
    MAP_YEAR_ON_SCREEN:
        "{year} (kịch bản đang xem)",
        "{year} (the scenario on screen)";
    MAP_YEAR_OF_PATH:
        "{year} (lộ trình)",
        "{year} (the path)";
    MAP_PLACES_LOADING:
        "Đang tải vị trí các xã…",
        "Loading the communes' places…";
    MAP_PLACES_FAILED:
        "Không tải được vị trí các xã ({reason}). Các bảng và biểu đồ khác vẫn dùng được; tải lại trang khi có thể.",
        "The communes' places could not be loaded ({reason}). The tables and the other charts still work; reload the page when you can.";
    MAP_RISK_NOT_YET:
        "Chưa có lần rút rủi ro nào cho kịch bản này: màu theo số tiêu chí cho đến khi có.",
        "No risk draws for this scenario yet: coloured by criteria met until there are.";
    MAP_RISK_ONE_YEAR_ONLY:
        "Khả năng đạt chuẩn chỉ có cho năm của kịch bản đang xem: màu theo số tiêu chí cho năm lộ trình này.",
        "The chance of certification is drawn for the scenario on screen only: this year of the path is coloured by criteria met.";
    MAP_KEYS_HINT:
        "Di chuột hoặc chọn bản đồ rồi dùng phím mũi tên để xem từng xã; Enter hoặc nhấp để mở xã trong bảng xã.",
        "Hover, or focus the map and use the arrow keys, to read each commune; Enter or a click opens it in the communes grid.";
}
