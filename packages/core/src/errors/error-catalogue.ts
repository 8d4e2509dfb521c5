// Every error the platform can answer, defined once: HTTP status and the message in each locale.
// Services throw DomainError(code, details); one handler in the server turns it into
// `{ error: { code, message, details } }`.
import type { Locale } from '../i18n/locale.js';

export interface ErrorDefinition {
  readonly status: number;
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '提交的内容有误：{summary}',
    'en-US': 'The request is invalid: {summary}',
  },
  MALFORMED_JSON: {
    status: 400,
    'zh-CN': '请求正文不是有效的 JSON',
    'en-US': 'The request body is not valid JSON',
  },
  EMPTY_JSON_BODY: {
    status: 400,
    'zh-CN': '请求正文为空，但声明为 JSON',
    'en-US': 'The request body is empty but declared as JSON',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    'zh-CN': '不支持的内容类型：{contentType}',
    'en-US': 'Unsupported content type: {contentType}',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    'zh-CN': '请求正文过大（上限 {limit} 字节）',
    'en-US': 'The request body is too large (limit {limit} bytes)',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    'zh-CN': '没有这个接口：{method} {url}',
    'en-US': 'No such endpoint: {method} {url}',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    'zh-CN': '该接口不支持 {method} 方法',
    'en-US': 'This endpoint does not accept {method}',
  },
  NOT_FOUND: {
    status: 404,
    'zh-CN': '记录不存在或不在您的管辖范围内',
    'en-US': 'The record does not exist or is outside your scope',
  },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  SESSION_EXPIRED: {
    status: 401,
    'zh-CN': '登录已过期，请重新登录',
    'en-US': 'Your session has expired; please sign in again',
  },
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_DISABLED: { status: 403, 'zh-CN': '该账号已停用', 'en-US': 'This account is disabled' },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  USERNAME_TAKEN: {
    status: 409,
    'zh-CN': '用户名“{username}”已被使用',
    'en-US': 'The username "{username}" is already taken',
  },
  WEAK_PASSWORD: {
    status: 400,
    'zh-CN': '密码不符合要求：{reason}',
    'en-US': 'The password does not meet the policy: {reason}',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    'zh-CN': '同一个客户端编号已用于不同的内容',
    'en-US': 'This client key was already used with a different payload',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    'zh-CN': '密码连续错误次数过多，账号已锁定，请 {minutes} 分钟后再试',
    'en-US': 'Too many wrong passwords: the account is locked for {minutes} more minutes',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '请先修改密码（首次登录、密码被重置或已过期）',
    'en-US': 'Change your password first (first sign-in, reset or expired password)',
  },
  WRONG_CURRENT_PASSWORD: {
    status: 400,
    'zh-CN': '当前密码不正确',
    'en-US': 'The current password is wrong',
  },
  PASSWORD_UNCHANGED: {
    status: 400,
    'zh-CN': '新密码不能与当前密码相同',
    'en-US': 'The new password must differ from the current one',
  },
  ROLE_NOT_GRANTABLE: {
    status: 403,
    'zh-CN': '只有安全管理员可以授予“{role}”角色',
    'en-US': 'Only the security administrator may grant the role {role}',
  },
  UNKNOWN_ORG_UNIT: {
    status: 400,
    'zh-CN': '组织机构“{orgPath}”不存在',
    'en-US': 'There is no org unit {orgPath}',
  },
  UNKNOWN_DEPARTMENT: {
    status: 400,
    'zh-CN': '部门不存在或不在您的管辖范围内',
    'en-US': 'The department does not exist or is outside your scope',
  },
  HANDOVER_TO_SELF: {
    status: 409,
    'zh-CN': '不能交接给自己',
    'en-US': 'An account cannot hand over to itself',
  },
  HANDOVER_TARGET_DISABLED: {
    status: 409,
    'zh-CN': '接收账号已停用',
    'en-US': 'The receiving account is disabled',
  },
  HANDOVER_INCOMPATIBLE: {
    status: 409,
    'zh-CN': '接收账号的角色或部门与交出账号不符',
    'en-US': 'The receiving account has another role or department',
  },
  CANNOT_CHANGE_SELF: {
    status: 409,
    'zh-CN': '不能对自己的账号执行此操作',
    'en-US': 'You cannot do this to your own account',
  },
  GRID_BOUNDARY_INVALID: {
    status: 400,
    'zh-CN': '网格边界无效：{reason}',
    'en-US': 'The grid boundary is invalid: {reason}',
  },
  GRID_BOUNDARY_OVERLAPS: {
    status: 409,
    'zh-CN': '网格边界与相邻网格“{other}”重叠约 {area} 平方米',
    'en-US': 'The grid boundary overlaps the neighbouring grid "{other}" by about {area} m²',
  },
  GRID_MERGE_NOT_SIBLINGS: { status: 409, 'zh-CN': '只能合并同一村内的网格', 'en-US': 'Only grids of the same village can be merged' },
  GRID_MERGE_NOT_CONNECTED: {
    status: 409,
    'zh-CN': '这些网格不相连，合并后不是一个区域',
    'en-US': 'The grids do not touch, so they do not make one area',
  },
  GRID_SPLIT_OUTSIDE: {
    status: 409,
    'zh-CN': '拆分后的网格“{name}”超出了原网格',
    'en-US': 'The new grid "{name}" reaches outside the grid being split',
  },
  GRID_SPLIT_INCOMPLETE: {
    status: 409,
    'zh-CN': '拆分后的网格没有覆盖原网格（缺少约 {area} 平方米）',
    'en-US': 'The new grids do not cover the grid being split (about {area} m² missing)',
  },
  DIVISION_IMPORT_INVALID: {
    status: 400,
    'zh-CN': '区划文件有 {count} 处错误，未导入任何数据',
    'en-US': 'The division files have {count} errors; nothing was imported',
  },
  NOT_A_VILLAGE: {
    status: 400,
    'zh-CN': '网格只能建在村、社区或独立居民小组之下',
    'en-US': 'Grids belong under a village, community or resident group',
  },
  NOT_A_GRID_WORKER: {
    status: 400,
    'zh-CN': '账号“{username}”不是本村的网格员',
    'en-US': 'The account {username} is not a grid worker of this village',
  },
  EVENT_TRANSITION_INVALID: {
    status: 409,
    'zh-CN': '事件当前为“{statusName}”，不能{actionName}',
    'en-US': 'The event is {statusName}; it cannot be given the action {actionName}',
  },
  EVENT_ACTION_NOT_YOURS: {
    status: 403,
    'zh-CN': '您不能对此事件执行“{actionName}”',
    'en-US': 'You may not take the action {actionName} on this event',
  },
  EVENT_FIELD_REQUIRED: {
    status: 400,
    'zh-CN': '{actionName}需要填写“{field}”',
    'en-US': '{actionName} needs {field}',
  },
  EVENT_LOCATION_REQUIRED: {
    status: 400,
    'zh-CN': '请给出事件位置：定位坐标或地址',
    'en-US': 'Give the place of the event: a GPS point or an address',
  },
  EVENT_ON_SPOT_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '“{category}”类事件不能由网格员自行处置',
    'en-US': 'Events of the category {category} cannot be resolved on the spot by a grid worker',
  },
  EVENT_PHOTO_REQUIRED: {
    status: 400,
    'zh-CN': '自行处置需要上传处置后的照片',
    'en-US': 'Resolving on the spot needs a photo of the result',
  },
  EVENT_DUPLICATE_INVALID: {
    status: 409,
    'zh-CN': '不能合并到该事件（须为本辖区内另一件未合并的事件）',
    'en-US': 'The event cannot be merged into that one (it must be another, unmerged event in your area)',
  },
  EVENT_DEPARTMENT_INVALID: {
    status: 400,
    'zh-CN': '部门不存在、已停用或不服务于该事件所在区域',
    'en-US': 'The department does not exist, is disabled, or does not serve the place of the event',
  },
  EVENT_GRID_INVALID: {
    status: 400,
    'zh-CN': '网格不存在或不在您的辖区内',
    'en-US': 'The grid does not exist or is outside your area',
  },
  PHOTO_NOT_FOUND: {
    status: 400,
    'zh-CN': '照片 {photoId} 未上传或已失效，请重新上传',
    'en-US': 'The photo {photoId} was not uploaded; upload it again',
  },
  PHOTO_TYPE_UNSUPPORTED: {
    status: 415,
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 图片',
    'en-US': 'A photo must be a JPEG, PNG or WebP image',
  },
  PHOTO_TOO_LARGE: {
    status: 413,
    'zh-CN': '照片不能超过 10 MB',
    'en-US': 'A photo may be at most 10 MB',
  },
  ATTACHMENT_TYPE_UNSUPPORTED: {
    status: 415,
    'zh-CN': '附件须为 PDF、Word、Excel、PowerPoint 文档或 JPEG、PNG、WebP 图片',
    'en-US': 'An attachment must be a PDF, Word, Excel or PowerPoint document or a JPEG, PNG or WebP image',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    'zh-CN': '附件不能超过 20 MB',
    'en-US': 'An attachment may be at most 20 MB',
  },
  ATTACHMENT_NOT_FOUND: {
    status: 422,
    'zh-CN': '附件 {attachmentId} 不存在或不是您上传的，请重新上传',
    'en-US': 'The attachment {attachmentId} does not exist or was not uploaded by you; upload it again',
  },
  CATEGORY_CODE_TAKEN: {
    status: 409,
    'zh-CN': '事件类别代码“{category}”已存在',
    'en-US': 'The event category code {category} is already used',
  },
  CATEGORY_PARENT_INVALID: {
    status: 400,
    'zh-CN': '上级类别“{category}”不存在或本身是子类别',
    'en-US': 'The parent category {category} does not exist or is itself a sub-kind',
  },
  ID_NUMBER_INVALID: {
    status: 400,
    'zh-CN': '证件号码不正确：{reason}',
    'en-US': 'The ID number is not valid: {reason}',
  },
  PHONE_INVALID: {
    status: 400,
    'zh-CN': '电话号码格式不正确（手机 11 位，座机须带区号）',
    'en-US': 'The phone number is not valid (11-digit mobile, or a landline with its area code)',
  },
  PERSON_DUPLICATE: {
    status: 409,
    'zh-CN': '该证件号码已登记，请查找已有人员信息',
    'en-US': 'This ID number is already registered; look up the existing person',
  },
  PERSON_CHANGED: {
    status: 409,
    'zh-CN': '该人员信息已被他人修改，请刷新后再改',
    'en-US': 'Someone else changed this person; reload and edit again',
  },
  IMPORT_FILE_UNSUPPORTED: {
    status: 415,
    'zh-CN': '只能导入 .xlsx 或 .csv 文件（“{fileName}”不是）',
    'en-US': 'Only .xlsx and .csv files can be imported ({fileName} is neither)',
  },
  IMPORT_FILE_EMPTY: {
    status: 400,
    'zh-CN': '上传的文件是空的',
    'en-US': 'The uploaded file is empty',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    'zh-CN': '文件无法读取：不是有效的 Excel 工作簿或 CSV 文件',
    'en-US': 'The file cannot be read: not a valid Excel workbook or CSV file',
  },
  IMPORT_COLUMNS_MISSING: {
    status: 400,
    'zh-CN': '文件缺少必填列：{columns}。请使用下载的模板',
    'en-US': 'The file lacks required columns: {columns}. Please use the downloaded template',
  },
  IMPORT_INTERRUPTED: {
    status: 500,
    'zh-CN': '导入中断，请重新导入同一文件（已导入的行不会重复）',
    'en-US': 'The import was interrupted; import the same file again (rows already imported are not duplicated)',
  },
    CREDIT_CODE_INVALID: {
    status: 400,
    'zh-CN': '统一社会信用代码不正确：{reason}',
    'en-US': 'The unified social credit code is not valid: {reason}',
  },
  RECORD_KEY_TAKEN: {
    status: 409,
    'zh-CN': '该编号已登记，请查找已有记录',
    'en-US': 'This number is already registered; look up the existing record',
  },
  RECORD_MEMBER_TWICE: {
    status: 400,
    'zh-CN': '同一人不能重复列入',
    'en-US': 'The same person is listed twice',
  },
  HOUSEHOLD_HEAD_REQUIRED: {
    status: 400,
    'zh-CN': '一户有且只有一名户主',
    'en-US': 'A household has exactly one head',
  },
    RECORD_END_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '结束记录须写明原因',
    'en-US': 'Ending a record needs a reason',
  },
  RECORD_DATES_INVALID: {
    status: 400,
    'zh-CN': '结束日期不能早于开始日期',
    'en-US': 'The end date cannot be before the start date',
  },
  RECORD_CHANGED: {
    status: 409,
    'zh-CN': '该记录已被他人修改，请刷新后再改',
    'en-US': 'Someone else changed this record; reload and edit again',
  },
    PERSON_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '迁出或死亡须写明原因',
    'en-US': 'Moving out or death needs a reason',
  },
  DIVISION_UNKNOWN: {
    status: 422,
    'zh-CN': '行政区划代码“{code}”不存在，请从省、市、县中选择',
    'en-US': 'There is no division with the code {code}; pick a province, city and county',
  },
  FLOATING_NOT_ARRIVED: {
    status: 409,
    'zh-CN': '此人没有在住的流动人口登记，无法登记离开',
    'en-US': 'This person has no arrival on record, so no departure can be registered',
  },
  FLOATING_ALREADY_PRESENT: {
    status: 409,
    'zh-CN': '此人已登记为在住流动人口，请先登记离开',
    'en-US': 'This person is already registered as present; register the departure first',
  },
  FLOATING_DATE_IN_FUTURE: {
    status: 400,
    'zh-CN': '流动人口登记的日期不能晚于今天',
    'en-US': 'A floating-population date cannot be later than today',
  },
  FLOATING_DATE_ORDER: {
    status: 400,
    'zh-CN': '日期先后不对：离开、预计居住至和居住证到期日期不能早于到达或发证日期',
    'en-US': 'The dates are out of order: departure, expected stay and permit expiry cannot precede arrival or issue',
  },
  CATEGORY_DISABLED: {
    status: 400,
    'zh-CN': '事件类别“{category}”已停用',
    'en-US': 'The event category {category} is disabled',
  },
  UNKNOWN_EVENT_CATEGORY: {
    status: 400,
    'zh-CN': '事件类别“{category}”不存在',
    'en-US': 'There is no event category {category}',
  },
  DEPARTMENT_NAME_TAKEN: {
    status: 409,
    'zh-CN': '同一辖区已有名为“{name}”的部门',
    'en-US': 'A department named "{name}" already exists there',
  },
  VISIT_IN_FUTURE: {
    status: 422,
    'zh-CN': '走访时间 visitedAt 不能晚于当前时间',
    'en-US': 'The visit time visitedAt cannot be in the future',
  },
  VISIT_BEFORE_REGISTRATION: {
    status: 422,
    'zh-CN': '走访时间 visitedAt 不能早于该人员的登记时间（{registeredOn}）',
    'en-US': 'The visit time visitedAt cannot be before the person was registered ({registeredOn})',
  },
  VISIT_SCHEDULE_INVALID: {
    status: 422,
    'zh-CN': '走访任务 scheduleId 不属于该人员或已结束',
    'en-US': 'The schedule scheduleId is not an open schedule of this person',
  },
  VISIT_EVENT_NOT_FOUND: {
    status: 422,
    'zh-CN': '关联事件 eventId 不存在或不在您的管辖范围内',
    'en-US': 'The linked event eventId does not exist or is outside your scope',
  },
  VISIT_NOT_PENDING: {
    status: 409,
    'zh-CN': '该走访记录没有待审核的异常，或已审核',
    'en-US': 'This visit has no flag waiting for review, or was already reviewed',
  },
  VISIT_PLAN_SUBJECT_TAKEN: {
    status: 409,
    'zh-CN': '已有适用于同一对象的有效走访计划（subject）',
    'en-US': 'An active follow-up plan already covers the same subject (subject)',
  },
  VISIT_CARD_RULES_INVALID: {
    status: 400,
    'zh-CN': '红牌比例 cardRules.redPercent 须大于黄牌比例 cardRules.yellowPercent',
    'en-US': 'cardRules.redPercent must be above cardRules.yellowPercent',
  },
  INFO_REPORT_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '只有草稿或被退回的信息可以修改',
    'en-US': 'Only a draft or a returned information report can be edited',
  },
  INFO_REPORT_NOT_SUBMITTABLE: {
    status: 409,
    'zh-CN': '只有草稿或被退回的信息可以提交',
    'en-US': 'Only a draft or a returned information report can be submitted',
  },
  INFO_REPORT_NOT_PENDING: {
    status: 409,
    'zh-CN': '只有已提交、等待审核的信息可以撤回或退回',
    'en-US': 'Only a submitted information report waiting for review can be withdrawn or returned',
  },
  INFO_REPORT_NOT_ADOPTABLE: {
    status: 409,
    'zh-CN': '只有已提交或已采用的信息可以采用，且采用级别只能提高（level）',
    'en-US': 'Only a submitted or adopted information report can be adopted, and only at a higher level (level)',
  },
  INFO_REPORT_TOWNSHIP_ONLY: {
    status: 403,
    'zh-CN': '只有乡镇（街道）分中心的账号可以撰写信息报送',
    'en-US': 'Only an account of a township sub-center can write information reports',
  },
  INFO_REPORT_SUBJECT_INVALID: {
    status: 422,
    'zh-CN': '优秀网格员 subjectAccountId 须是本乡镇在岗的网格员',
    'en-US': 'The exemplary grid worker subjectAccountId must be an active grid worker of this township',
  },
  INFO_REPORT_PHOTO_INVALID: {
    status: 422,
    'zh-CN': '照片 {photoId}（photoIds）未上传或已失效，请重新上传',
    'en-US': 'The photo {photoId} (photoIds) was not uploaded; upload it again',
  },
  INFO_REPORT_TEXT_EMPTY: {
    status: 422,
    'zh-CN': '信息报送的 {field} 不能为空或只有空白',
    'en-US': 'The information report field {field} cannot be empty or blank',
  },
  CALENDAR_DATE_INVALID: {
    status: 422,
    'zh-CN': '{field} 不是有效的日期：{value}',
    'en-US': '{field} is not a valid date: {value}',
  },
  CALENDAR_WORKDAY_ON_WEEKDAY: {
    status: 422,
    'zh-CN': '{field}：{value} 是周一至周五，本来就是工作日，不能设为调休上班',
    'en-US': '{field}: {value} is a weekday, a working day already; an adjusted workday must be a Saturday or Sunday',
  },
  CALENDAR_HOLIDAY_ON_WEEKEND: {
    status: 422,
    'zh-CN': '{field}：{value} 是周末，本来就休息，无需设为节假日',
    'en-US': '{field}: {value} is a weekend day, a rest day already; a public holiday must be a weekday',
  },
  CALENDAR_DATE_OUTSIDE_YEAR: {
    status: 422,
    'zh-CN': '{field}：{value} 不在 {year} 年内',
    'en-US': '{field}: {value} is not in {year}',
  },
  CALENDAR_DATE_REPEATED: {
    status: 422,
    'zh-CN': '{field}：{value} 重复出现',
    'en-US': '{field}: {value} appears twice',
  },
  DUTY_RANGE_INVALID: {
    status: 422,
    'zh-CN': '日期范围有误：to 不能早于 from，且最多 {maxDays} 天',
    'en-US': 'The date range is invalid: to cannot be before from, and it spans at most {maxDays} days',
  },
  DUTY_SLOT_UNKNOWN: {
    status: 422,
    'zh-CN': '班次 slot“{slot}”不是本分中心的班次',
    'en-US': 'The slot "{slot}" is not a slot of this sub-center',
  },
  DUTY_SLOT_REPEATED: {
    status: 422,
    'zh-CN': '{field}：班次“{slot}”重复',
    'en-US': '{field}: the slot "{slot}" appears twice',
  },
  DUTY_DATE_PAST: {
    status: 422,
    'zh-CN': '{field}：{value} 已经过去，只能安排今天及以后的值班',
    'en-US': '{field}: {value} is in the past; only today and later can be arranged',
  },
  DUTY_SLOT_FULL: {
    status: 409,
    'zh-CN': '{date} 的“{slotName}”班次已满（最多 {capacity} 人）',
    'en-US': 'The slot "{slotName}" of {date} is full (at most {capacity})',
  },
  DUTY_ALREADY_ON_SLOT: {
    status: 409,
    'zh-CN': '该人员 {date} 已在“{slotName}”班次值班',
    'en-US': 'This person is already on the slot "{slotName}" on {date}',
  },
  DUTY_ACCOUNT_NOT_OF_UNIT: {
    status: 422,
    'zh-CN': '值班人员 accountId 不是本分中心可值班的在岗账号',
    'en-US': 'accountId is not an active account of this sub-center that may be on duty',
  },
  DUTY_ENTRY_CHECKED_IN: {
    status: 409,
    'zh-CN': '该值班已签到，不能再更改',
    'en-US': 'This duty was checked in and can no longer be changed',
  },
  DUTY_SWAP_TARGET_REQUIRED: {
    status: 422,
    'zh-CN': '换班须给出交换的值班 withEntryId 或接替人 toAccountId（二选一）',
    'en-US': 'A swap needs either withEntryId (exchange) or toAccountId (hand over), not both',
  },
  DUTY_NOT_ON_ROSTER: {
    status: 422,
    'zh-CN': '您不在今天（{date}）的值班表上，无法值班签到',
    'en-US': 'You are not on today’s duty roster ({date}), so you cannot check in',
  },
  DUTY_SLOT_IN_USE: {
    status: 409,
    'zh-CN': '{field}：班次“{slot}”在 {date} 等日期还有值班安排，请先移除这些安排再删除该班次',
    'en-US': '{field}: the slot "{slot}" still has people on duty on {date} and later days; remove them before removing the slot',
  },
  DUTY_SLOT_OVER_CAPACITY: {
    status: 409,
    'zh-CN': '{field}：{date} 的“{slotName}”班次已安排 {count} 人，人数上限不能改为 {capacity}',
    'en-US': '{field}: {count} people are on the slot "{slotName}" on {date}, so its capacity cannot become {capacity}',
  },
  PUBLICITY_DATE_IN_FUTURE: {
    status: 422,
    'zh-CN': '活动日期 heldOn 不能晚于今天',
    'en-US': 'The activity date heldOn cannot be later than today',
  },
  PUBLICITY_WITHDRAWN: {
    status: 409,
    'zh-CN': '该宣传活动已撤销，不能再修改',
    'en-US': 'This publicity activity was withdrawn and can no longer be changed',
  },
  DAILY_UNIT_INVALID: {
    status: 422,
    'zh-CN': '单位 {field} 不存在、不是乡镇或村（社区），或不在您的管辖范围内',
    'en-US': 'The unit {field} does not exist, is not a township or village, or is outside your scope',
  },
  STATION_DATE_IN_FUTURE: {
    status: 422,
    'zh-CN': '检查日期 checkedOn 不能晚于今天',
    'en-US': 'The inspection date checkedOn cannot be later than today',
  },
  TERMINAL_IMEI_INVALID: {
    status: 422,
    'zh-CN': '串号 imei 须为 15 位数字且最后一位校验位正确',
    'en-US': 'The imei must be 15 digits with a correct check digit',
  },
  TERMINAL_ASSET_CODE_TAKEN: {
    status: 409,
    'zh-CN': '资产编号 assetCode“{assetCode}”已登记',
    'en-US': 'The asset code assetCode {assetCode} is already registered',
  },
  TERMINAL_IMEI_TAKEN: {
    status: 409,
    'zh-CN': '串号 imei“{imei}”已登记在另一台终端上',
    'en-US': 'The imei {imei} is already registered on another terminal',
  },
  TERMINAL_HOLDER_INVALID: {
    status: 422,
    'zh-CN': '持有人 holderId 须为该单位在岗的网格员账号',
    'en-US': 'The holder holderId must be an active grid worker account of the terminal’s unit',
  },
  TERMINAL_HOLDER_LIMIT: {
    status: 409,
    'zh-CN': '该网格员已持有 {held} 台手持终端（每人上限 {limit} 台），请先收回',
    'en-US': 'This grid worker already holds {held} terminal(s) (the limit is {limit}); take one back first',
  },
  TERMINAL_RETIRED: {
    status: 409,
    'zh-CN': '该终端已报废，不能再发放或修改',
    'en-US': 'This terminal is retired and can no longer be handed out or changed',
  },
  TERMINAL_ISSUED_IN_FUTURE: {
    status: 422,
    'zh-CN': '发放日期 {field} 不能晚于今天',
    'en-US': 'The date {field} cannot be later than today',
  },
  TERMINAL_STATE_CONFLICT: {
    status: 422,
    'zh-CN': '状态 state 与持有人不符：有人持有的终端只能是“在用”，“在用”的终端必须有持有人（请用发放/收回改变持有人）',
    'en-US': 'The state does not match the holder: a held terminal can only be in use, and an in-use terminal needs a holder (use a hand-over to change the holder)',
  },
  TERMINAL_HANDOVER_NO_CHANGE: {
    status: 422,
    'zh-CN': '交接对象 holderId 与当前持有情况相同，无需交接',
    'en-US': 'The hand-over target holderId is already the terminal’s current holder; nothing to hand over',
  },
  TRAINING_ATTENDEE_INVALID: {
    status: 422,
    'zh-CN': '{field} 不是可参加本次培训的账号（不存在、已停用或不在组织单位范围内）',
    'en-US': '{field} is not an account that may attend this training (unknown, disabled or outside the organiser’s area)',
  },
  TRAINING_MATERIAL_INVALID: {
    status: 422,
    'zh-CN': '培训材料 {field} 不存在，请先上传',
    'en-US': 'The material {field} does not exist: upload it first',
  },
  TRAINING_TOKEN_INVALID: {
    status: 422,
    'zh-CN': '签到码无效（token），请重新扫描现场的二维码',
    'en-US': 'The sign-in token is not this session’s: scan the QR code at the session again',
  },
  TRAINING_SESSION_CANCELLED: {
    status: 409,
    'zh-CN': '该培训已取消，不能签到',
    'en-US': 'This training was cancelled: nobody can sign in',
  },
  TRAINING_CHECK_IN_CLOSED: {
    status: 409,
    'zh-CN': '只能在培训当天（{date}）签到',
    'en-US': 'Sign-in is only possible on the day of the training ({date})',
  },
  TRAINING_NOT_YET_HELD: {
    status: 409,
    'zh-CN': '培训日期（{date}）未到，不能登记出勤',
    'en-US': 'The training is on {date}: attendance cannot be recorded before',
  },
  TRAINING_TIME_INVALID: {
    status: 400,
    'zh-CN': '结束时间 endTime 须晚于开始时间 startTime',
    'en-US': 'endTime must be after startTime',
  },
  TRAINING_SESSION_HAS_ATTENDANCE: {
    status: 409,
    'zh-CN': '该培训已有签到记录，不能删除，可改为“已取消”',
    'en-US': 'This training has attendance and cannot be deleted; set it to cancelled instead',
  },
  TRAINING_DATE_FIXED: {
    status: 409,
    'zh-CN': '该培训已有签到记录，不能改期；请另建一次培训',
    'en-US': 'People signed in to this training: it cannot move to another day; create another session instead',
  },
  TRAINING_RULES_INVALID: {
    status: 400,
    'zh-CN': '培训要求 {field} 有误（次数 1–52、季度最多 13 次，同一类别、对象和周期只能有一条）',
    'en-US': 'The training rule {field} is invalid (minimum 1–52, at most 13 a quarter, one rule per kind, audience and period)',
  },
  TRAINING_AUDIENCE_INVALID: {
    status: 422,
    'zh-CN': '邀请对象 {field} 不存在或不在组织单位的范围内',
    'en-US': 'The invited unit or department {field} does not exist or is outside the organiser’s area',
  },
  TRAINING_CHECK_IN_IN_FUTURE: {
    status: 422,
    'zh-CN': '签到时间 at 不能晚于当前时间',
    'en-US': 'The sign-in time at cannot be in the future',
  },
  TRAINING_ORGANISER_INVALID: {
    status: 403,
    'zh-CN': '培训由县中心或乡镇分中心组织，您的账号不在这两级',
    'en-US': 'Trainings are organised by the county or a township; your account is at neither level',
  },
  SURVEY_QUESTION_INVALID: {
    status: 422,
    'zh-CN': '问题 {field} 有误：知晓和满意问题须有至少两个选项且至少一个正面选项，开放题不带选项，问题编号不能重复，至少有一个知晓或满意问题',
    'en-US': 'The question {field} is invalid: awareness and satisfaction questions need at least two options with one positive, free questions take no options, ids are unique, and at least one awareness or satisfaction question is asked',
  },
  SURVEY_SATISFACTION_IN_H1: {
    status: 422,
    'zh-CN': '上半年（H1）调查只调查知晓率，{field} 不能是满意度问题',
    'en-US': 'A first-half (H1) survey asks about awareness only: {field} cannot be a satisfaction question',
  },
  SURVEY_DATES_INVALID: {
    status: 422,
    'zh-CN': '调查日期 {field} 有误：开始和结束日期须在调查年度内，结束日期不能早于开始日期',
    'en-US': 'The date {field} is invalid: the survey starts and ends within its year, and does not end before it starts',
  },
  SURVEY_VILLAGE_INVALID: {
    status: 422,
    'zh-CN': '{field} 不是本县在用的村（社区）',
    'en-US': '{field} is not an active village or community of the county',
  },
  SURVEY_SAMPLE_TOO_LARGE: {
    status: 422,
    'zh-CN': '{villageName}的成年常住人口只有 {adults} 人，少于每村抽样数 samplePerVillage（{sample} 人），未抽样',
    'en-US': '{villageName} has only {adults} adult residents, fewer than samplePerVillage ({sample}); nothing was drawn',
  },
  SURVEY_NOT_DRAFT: {
    status: 409,
    'zh-CN': '调查已开始或已结束，不能再修改或开启',
    'en-US': 'The survey has already opened or closed; it can no longer be changed or opened',
  },
  SURVEY_NOT_OPEN: {
    status: 409,
    'zh-CN': '调查不在进行中，不能提交答卷或结束',
    'en-US': 'The survey is not open: answers cannot be given and it cannot be closed',
  },
  SURVEY_ANSWER_INVALID: {
    status: 422,
    'zh-CN': '答卷 {field} 有误：须回答每个知晓和满意问题，选项序号须在范围内，开放题填写文字',
    'en-US': 'The answer {field} is invalid: every awareness and satisfaction question is answered with an option in range, free questions with text',
  },
  SURVEY_RESPONDENT_INVALID: {
    status: 422,
    'zh-CN': '{field} 有误：请填写本村抽中的受访人（personId）或受访人的电话（phone）',
    'en-US': '{field} is invalid: name a person drawn in this village (personId) or the respondent’s phone',
  },
  SURVEY_ALREADY_ANSWERED: {
    status: 409,
    'zh-CN': '该受访人或该手机号已回答过本次调查，每人（每个号码）只能回答一次',
    'en-US': 'This person or phone number has already answered this survey; one answer each',
  },
  BULLETIN_PERIOD_IN_FUTURE: {
    status: 422,
    'zh-CN': '通报期间 {field} 尚未开始（{period}），不能生成通报',
    'en-US': 'The period {field} ({period}) has not begun; no bulletin can be written for it',
  },
  BULLETIN_NO_COUNTY: {
    status: 409,
    'zh-CN': '尚未导入县级区划，无法生成通报',
    'en-US': 'No county has been imported yet; no bulletin can be written',
  },
  SCHEME_WEIGHTS_NOT_100: {
    status: 422,
    'zh-CN': '{field}：该类考核对象的考核项权重合计为 {sum}，应为 100',
    'en-US': '{field}: the weights of the items add up to {sum}, not 100',
  },
  SCHEME_INDICATOR_INVALID: {
    status: 422,
    'zh-CN': '{field}：指标 {indicator} 不存在或不适用于该类考核对象',
    'en-US': '{field}: the indicator {indicator} is unknown or does not apply to this kind of unit',
  },
  SCHEME_COUNT_AS_ITEM: {
    status: 422,
    'zh-CN': '{field}：计数指标 {indicator}（如黄牌、红牌、缺岗）只能用于扣分规则，不能作为考核项',
    'en-US': '{field}: the count indicator {indicator} (cards, lapses) can only be used in deduction rules, not as an item',
  },
  SCHEME_RULE_INVALID: {
    status: 422,
    'zh-CN': '{field} 有误（考核项不能重复、规则编号不能重复、计数指标不能按缺少件数扣分、比率阈值在 0–1 之间、规则须有条件或“每…扣”、至少一类考核对象）',
    'en-US': '{field} is invalid (items and rule ids are unique, a count cannot be judged by shortfall, a rate threshold lies in 0–1, a rule needs a condition or a "per", at least one unit kind)',
  },
  SCHEME_YEAR_CLOSED: {
    status: 409,
    'zh-CN': '{year} 年已过去，其考核方案不能再修改',
    'en-US': 'The year {year} is over; its scheme can no longer change',
  },
  SCHEME_UNCHANGED: {
    status: 422,
    'zh-CN': '方案内容与现行第 {version} 版相同，无需保存新版本',
    'en-US': 'The scheme is the same as version {version} in force; there is nothing to save',
  },
  SCORE_PERIOD_IN_FUTURE: {
    status: 422,
    'zh-CN': '考核期 period {period} 尚未开始，不能计算得分',
    'en-US': 'The period {period} has not begun; it cannot be scored',
  },
  SCORE_UNIT_KIND_NOT_IN_SCHEME: {
    status: 422,
    'zh-CN': '{year} 年考核方案未规定该类考核对象（unitKind {unitKind}）的考核办法',
    'en-US': 'The {year} scheme does not assess {unitKind} (unitKind)',
  },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '请求过于频繁，请稍后再试',
    'en-US': 'Too many requests; please try again later',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '服务正在停止或暂不可用',
    'en-US': 'The service is shutting down or unavailable',
  },
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器内部错误，已记录（编号 {requestId}）',
    'en-US': 'Internal server error, logged as {requestId}',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, value);
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

export function errorTemplate(code: ErrorCode, locale: Locale): string {
  return ERROR_CATALOGUE[code][locale];
}
