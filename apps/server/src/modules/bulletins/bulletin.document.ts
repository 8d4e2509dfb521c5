// The bulletin as a Word file in the layout of party and government documents (GB/T 9704): A4 with
// margins 37/35/28/26 mm, the title in 方正小标宋简体 二号 (黑体 where it is missing), the body in
// 仿宋_GB2312 三号 at a fixed 28.9 pt line pitch with a two-character first-line indent, headings
// 一、二、三、四 in 黑体 and (一)(二) in 楷体_GB2312, ranking tables, and the issuing unit and date at
// the end. Word has no per-run font fallback: the font table names each font's stand-in (altName).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { BulletinCriticised, BulletinFigures, BulletinRanking, BulletinUnitLine } from '@gridwork/core';

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
const SUBHEADING_FONT = '楷体_GB2312';
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZE_ERHAO = 44;
const SIZE_SANHAO = 32;
const SIZE_TABLE = 28;
const TABLE_HEADER_SIZE = 28;
/** 28.9 pt in twentieths of a point: 22 lines in the 225 mm type area. */
const LINE_PITCH = 578;
/** One character of 三号 text, in twips. */
const CHARACTER = 16 * 20;
const FIRST_LINE_INDENT = 2 * CHARACTER;
const mm = (value: number) => Math.round((value * 1440) / 25.4);
/** The type area: 210 mm less the 28 and 26 mm margins (156 mm, 28 characters a line). */
const TYPE_AREA_WIDTH = mm(210 - 28 - 26);

const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const run = (text: string, font = BODY_FONT, size = SIZE_SANHAO, extra: Partial<IRunOptions> = {}) => new TextRun({ text, font: fontOf(font), size, ...extra });
const exact = (line = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function body(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], spacing: exact(), indent: { firstLine: FIRST_LINE_INDENT }, alignment: AlignmentType.JUSTIFIED });
}

function heading(text: string): Paragraph {
  return new Paragraph({ children: [run(text, HEADING_FONT)], spacing: exact(), indent: { firstLine: FIRST_LINE_INDENT }, keepNext: true });
}

function subheading(text: string): Paragraph {
  return new Paragraph({ children: [run(text, SUBHEADING_FONT)], spacing: exact(), indent: { firstLine: FIRST_LINE_INDENT }, keepNext: true });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function cell(text: string, header: boolean, width: number, align: (typeof AlignmentType)[keyof typeof AlignmentType]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: align,
        spacing: { line: 360, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        children: [run(text, header ? HEADING_FONT : BODY_FONT, header ? TABLE_HEADER_SIZE : SIZE_TABLE)],
      }),
    ],
  });
}

function table(headers: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[]): Table {
  const align = (index: number) => (index === 1 || (headers.length > 4 && index === 0) ? AlignmentType.LEFT : AlignmentType.CENTER);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((text, index) => cell(text, true, widths[index] ?? 20, AlignmentType.CENTER)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, index) => cell(text, false, widths[index] ?? 20, align(index))) })),
    ],
  });
}

/** A score as the bulletin prints it: one decimal. */
export const formatScore = (score: number) => score.toFixed(1);
/** A rate as a percentage with one decimal, or 无 (no cases). */
export const formatRate = (rate: number | null) => (rate === null ? '无' : `${(rate * 100).toFixed(1)}%`);

/** 2026-12-01 → 2026年12月1日, as a document is dated. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 2026-11 → 2026年11月; 2026 → 2026年. */
export function periodLabel(period: string): string {
  const [year, month] = period.split('-');
  return month ? `${year}年${Number(month)}月` : `${year}年`;
}

function rankingTable(lines: readonly BulletinUnitLine[], parentHeader: string): Table {
  return table(
    ['名次', '单位', parentHeader, '得分'],
    [12, 40, 30, 18],
    lines.map((line) => [line.rank === null ? '—' : String(line.rank), line.unitName, line.parentName ?? '—', formatScore(line.score)]),
  );
}

function rankingSection(ranking: BulletinRanking, label: string, parentHeader: string, number: string): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [subheading(`（${number}）${label}`)];
  if (ranking.ranked === 0) {
    out.push(body(`本期${label}均因样本不足未予排名${ranking.tooFew > 0 ? `（${ranking.tooFew}个）` : ''}。`));
    return out;
  }
  const average = ranking.average === null ? '' : `，平均得分${formatScore(ranking.average)}分`;
  const tooFew = ranking.tooFew > 0 ? `；另有${ranking.tooFew}个因样本不足未予排名` : '';
  out.push(body(`参与排名的${label}${ranking.ranked}个${average}${tooFew}。${ranking.top.length > 0 ? `排名前${ranking.top.length}位的是：` : ''}`));
  if (ranking.top.length > 0) out.push(rankingTable(ranking.top, parentHeader));
  if (ranking.bottom.length > 0) {
    out.push(body(`排名后${ranking.bottom.length}位的是：`));
    out.push(rankingTable(ranking.bottom, parentHeader));
  }
  return out;
}

function criticisedTable(units: readonly BulletinCriticised[]): Table {
  return table(
    ['单位', '类别', '所属乡镇', '黄牌', '红牌'],
    [30, 20, 26, 12, 12],
    units.map((unit) => [unit.unitName, unit.unitKind === 'village' ? '村（社区）' : '职能部门', unit.parentName ?? '—', String(unit.yellowCards), String(unit.redCards)]),
  );
}

/** The paragraphs and tables of the bulletin, in order; the text a reader (or a test) finds in word/document.xml. */
export function bulletinBody(figures: BulletinFigures): (Paragraph | Table)[] {
  const { overview } = figures;
  const period = periodLabel(figures.period);
  const out: (Paragraph | Table)[] = [];
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH },
      children: [run(figures.title, TITLE_FONT, SIZE_ERHAO)],
    }),
  );
  out.push(new Paragraph({ spacing: exact(), children: [run('各乡镇（街道）、县级有关部门：')] }));
  out.push(
    body(
      `根据网格化服务管理工作考核办法，现将${period}全县网格化服务管理工作考核情况通报如下。`,
    ),
  );

  out.push(heading('一、总体情况'));
  out.push(
    body(
      `${chineseDate(figures.from)}至${chineseDate(figures.to)}，全县网格化服务管理信息平台共受理事件${overview.eventsReported}件，` +
        `当期结案${overview.eventsClosed}件${overview.closureRate === null ? '' : `，本期受理事件结案率${formatRate(overview.closureRate)}`}；` +
        `共发出黄牌${overview.yellowCards}张、红牌${overview.redCards}张；各乡镇报送信息${overview.reportsSubmitted}篇，被采用${overview.reportsAdopted}篇。` +
        `参与考核的村（社区）${overview.villages}个、职能部门${overview.departments}个。`,
    ),
  );

  out.push(heading('二、考核排名'));
  out.push(...rankingSection(figures.villages, '村（社区）', '所属乡镇', '一'));
  out.push(...rankingSection(figures.departments, '职能部门', '服务区域', '二'));

  out.push(heading('三、通报批评'));
  if (figures.criticised.length === 0) {
    out.push(body('本期没有被亮红牌或单月黄牌超过3张的单位。'));
  } else {
    const names = figures.criticised.map((unit) => unit.unitName).join('、');
    out.push(
      body(
        `本期${names}共${figures.criticised.length}个单位被亮红牌或单月黄牌超过3张，现予以通报批评，并按考核办法扣减年度考核分值。` +
          '请被通报单位认真查找原因，限期整改，并将整改情况报县网格化服务管理中心。',
      ),
    );
    out.push(criticisedTable(figures.criticised));
  }

  out.push(heading('四、好的做法'));
  if (figures.adoptedReports.length === 0) {
    out.push(body('本期没有被采用的信息报送。'));
  } else {
    out.push(body(`本期各乡镇报送的以下${figures.adoptedReports.length}篇信息被采用：`));
    figures.adoptedReports.forEach((report, index) =>
      out.push(body(`${index + 1}.${report.townshipName}《${report.title}》（${report.category}，${report.level}）。`)),
    );
  }
  if (figures.exemplaryWorkers.length > 0) {
    const names = figures.exemplaryWorkers.map((worker) => (worker.villageName ? `${worker.villageName}${worker.name}` : worker.name)).join('、');
    out.push(body(`${names}等网格员的工作事迹被信息采用，予以通报表扬。`));
  }
  out.push(body('希望各单位以受表扬的单位和个人为榜样，对照考核指标查漏补缺，确保网格化服务管理工作各项任务落到实处。'));

  // GB/T 9704 7.3.5.2 (no seal): one blank line, the issuing unit two characters from the right,
  // and below it the date starting two characters right of the unit's first character.
  const issuerStart = TYPE_AREA_WIDTH - (figures.issuer.length + 2) * CHARACTER;
  out.push(new Paragraph({ spacing: exact(), children: [] }));
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact(), indent: { right: 2 * CHARACTER }, children: [run(figures.issuer)] }));
  out.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: exact(), indent: { left: Math.max(0, issuerStart + 2 * CHARACTER) }, children: [run(chineseDate(figures.issuedOn))] }));
  return out;
}

/** The font table: each Chinese official font names what to use where it is not installed. */
function fontTable(): string {
  const fonts: ReadonlyArray<readonly [string, string]> = [
    [TITLE_FONT, HEADING_FONT],
    [BODY_FONT, '仿宋'],
    [SUBHEADING_FONT, '楷体'],
    [HEADING_FONT, 'SimHei'],
  ];
  const entries = fonts
    .map(([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${name === HEADING_FONT ? 'modern' : 'roman'}"/><w:pitch w:val="fixed"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

export async function bulletinDocx(figures: BulletinFigures): Promise<Buffer> {
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run('— ', 'Times New Roman', 28), new TextRun({ children: [PageNumber.CURRENT], font: fontOf('Times New Roman'), size: 28 }), run(' —', 'Times New Roman', 28)],
      }),
    ],
  });
  const document = new Document({
    creator: figures.issuer,
    title: figures.title,
    styles: { default: { document: { run: { font: fontOf(BODY_FONT), size: SIZE_SANHAO } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(20) },
          },
        },
        footers: { default: footer },
        children: bulletinBody(figures),
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
