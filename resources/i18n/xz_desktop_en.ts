<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddUnitDialog</name>
    <message>
        <source>新增单位</source>
        <translation>Add a unit</translation>
    </message>
    <message>
        <source>小写字母、数字、下划线；市级、省级为六位行政区划代码</source>
        <translation>Lower-case letters, digits, underscores; at city or province level the six-digit division code</translation>
    </message>
    <message>
        <source>镇街（填报各镇街都报的指标）</source>
        <translation>Town (reports what every town reports)</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <source>录入考核加减分</source>
        <translation>Enter an assessment bonus or deduction</translation>
    </message>
    <message>
        <source>单位(&amp;U)：</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>分数（加分为正，减分为负）(&amp;P)：</source>
        <translation>&amp;Points (bonus positive, deduction negative):</translation>
    </message>
    <message>
        <source>理由(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>单位与指标目录</source>
        <translation>Units and indicators</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>指标阈值</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>双击单元格修改。每次修改生成新的目录版本；用“汇总 → 导出目录文件”把新目录发给各单位（回执也带着现行目录）。单位代码、类别，指标的代码、汇总方式和计量单位是目录的含义，不能修改。</source>
        <translation>Double-click a cell to change it. Each change makes a new catalog version; send it to the units with “District → Export catalog file” (receipts carry the catalog in force too). A unit&apos;s code and kind, and an indicator&apos;s code, aggregation and measures are the catalog&apos;s meaning and cannot be changed.</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>镇街</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>新增单位(&amp;A)…</source>
        <translation>&amp;Add a unit…</translation>
    </message>
    <message>
        <source>停用(&amp;R)</source>
        <translation>&amp;Retire</translation>
    </message>
    <message>
        <source>停用后不再计入报送情况，也不再合并它的上报包；它的数值保留</source>
        <translation>A retired unit is no longer expected and its packages are no longer merged; its figures are kept</translation>
    </message>
    <message>
        <source>恢复(&amp;E)</source>
        <translation>R&amp;eactivate</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>填报计量单位</source>
        <translation>Entry measure</translation>
    </message>
    <message>
        <source>最小值</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>最大值</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>常见范围下限</source>
        <translation>Usual minimum</translation>
    </message>
    <message>
        <source>常见范围上限</source>
        <translation>Usual maximum</translation>
    </message>
    <message>
        <source>同比变化阈值</source>
        <translation>Year-on-year threshold</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>数值按填报计量单位；同比变化阈值 0.3 表示 30%；清空单元格即取消该项。</source>
        <translation>Values in the entry measure; a year-on-year threshold of 0.3 means 30%; an emptied cell removes the bound.</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>When</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>单位/指标</source>
        <translation>Unit/indicator</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>旧值</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New</translation>
    </message>
    <message>
        <source>现行目录版本：{version}</source>
        <translation>Catalog version in force: {version}</translation>
    </message>
    <message>
        <source>单位与指标目录(&amp;U)…</source>
        <translation>&amp;Units and indicators…</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>区里更正（{source}）</source>
        <translation>District correction ({source})</translation>
    </message>
    <message>
        <source>上报包 {file}（导出于 {at}）</source>
        <translation>Package {file} (exported {at})</translation>
    </message>
    <message>
        <source>✔ 已采用</source>
        <translation>✔ Chosen</translation>
    </message>
    <message>
        <source>待处理的冲突：{n} 个。处理之前，汇总表中相关数值标为“有争议”。</source>
        <translation>Open conflicts: {n}. Until they are resolved, the affected totals are marked &quot;disputed&quot;.</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source>{by} 于 {at} 处理。</source>
        <translation>Resolved by {by} at {at}.</translation>
    </message>
    <message>
        <source>区里更正过这个数值，而单位随后报来的数值不是在更正的基础上修改的。请选定采用哪一个。</source>
        <translation>The district corrected this figure, and the unit&apos;s later report was not based on the correction. Choose which one to keep.</translation>
    </message>
    <message>
        <source>这个单位在两处（例如两台电脑）分别修改过这个数值，报来了两个不同的数。请选定采用哪一个。</source>
        <translation>The unit changed this figure in two places (for example on two computers) and sent two different numbers. Choose which one to take.</translation>
    </message>
    <message>
        <source>{unit} {period}：{text}</source>
        <translation>{unit} {period}: {text}</translation>
    </message>
    <message>
        <source>处理冲突后，以下单位该期的数值未通过逻辑性审核，汇总表中相关数值已注明，请更正：</source>
        <translation>After the conflicts were decided, these units&apos; figures for the period fail the logical checks (the totals say so). Please correct them:</translation>
    </message>
    <message>
        <source>采用该上报包的全部数值</source>
        <translation>Take every figure of this package</translation>
    </message>
    <message>
        <source>上报包 {file} 涉及 {n} 个待处理冲突，全部采用该包的数值？</source>
        <translation>Package {file} is in {n} open conflicts. Take its figure in all of them?</translation>
    </message>
    <message>
        <source>同一单位以同一修订号报来两个不同数值（可能在两台电脑上分别修改过）。请选定采用哪一个。</source>
        <translation type="vanished">The unit sent two different values with the same revision (perhaps edited on two computers). Choose which one to keep.</translation>
    </message>
    <message>
        <source>把 {n} 个待处理冲突全部定为各单位最新上报包中的数值？</source>
        <translation>Resolve all {n} open conflicts with the value in each unit&apos;s newest package?</translation>
    </message>
    <message>
        <source>在 {n} 个待处理冲突中，凡有区里更正的，全部保留区里更正的数值？</source>
        <translation>Of the {n} open conflicts, keep the district correction wherever there is one?</translation>
    </message>
    <message>
        <source>批量处理冲突</source>
        <translation>Resolve conflicts in bulk</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <source>修订号</source>
        <translation type="vanished">Revision</translation>
    </message>
    <message>
        <source>全部保留区里更正(&amp;K)</source>
        <translation>&amp;Keep all district corrections</translation>
    </message>
    <message>
        <source>全部采用上报包数值(&amp;P)</source>
        <translation>Take all &amp;package values</translation>
    </message>
    <message>
        <source>冲突类型</source>
        <translation>Conflict type</translation>
    </message>
    <message>
        <source>区里更正与单位新报不同</source>
        <translation>District correction differs from the unit&apos;s new report</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>显示已处理的(&amp;S)</source>
        <translation>&amp;Show resolved</translation>
    </message>
    <message>
        <source>采用该上报包的全部数值(&amp;A)</source>
        <translation>T&amp;ake every figure of this package</translation>
    </message>
    <message>
        <source>所选数值所在的上报包：它涉及的每个待处理冲突都采用该包的数值</source>
        <translation>The package of the selected figure: every open conflict it is in takes its figure</translation>
    </message>
    <message>
        <source>可选数值（选中后按回车或点“采用所选数值”）(&amp;V)：</source>
        <translation>Candidate &amp;values (select, then press Enter or click &quot;Use selected value&quot;):</translation>
    </message>
    <message>
        <source>同一修订号两个数值</source>
        <translation type="vanished">Two values with the same revision</translation>
    </message>
    <message>
        <source>填报/修改人</source>
        <translation>Filled/changed by</translation>
    </message>
    <message>
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>单位在两处分别修改过</source>
        <translation>Changed by the unit in two places</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>第几次修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>显示已处理的(&amp;H)</source>
        <translation type="vanished">Show resolved (&amp;H)</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>现用数值</source>
        <translation>Value in use</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>采用所选数值(&amp;U)</source>
        <translation>&amp;Use selected value</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <source>单位登记与密钥</source>
        <translation>Unit enrolment and keys</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>本单位密钥</source>
        <translation>Unit&apos;s key</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Enrolled at</translation>
    </message>
    <message>
        <source>登记：为所选单位生成签名密钥并保存登记文件（*.xzenrol），交给该单位，用它建立本单位的数据库。重新发放密钥：单位的电脑丢失或更换时使用，旧密钥签名的上报包此后一律拒收。</source>
        <translation>Enrol: make the chosen unit&apos;s signing key and save its enrolment file (*.xzenrol); give it to the unit, which sets up its database with it. Issue a new key: when the unit&apos;s PC is lost or replaced; packages signed with the old key are refused from then on.</translation>
    </message>
    <message>
        <source>登记并保存登记文件(&amp;E)…</source>
        <translation>&amp;Enrol and save the enrolment file…</translation>
    </message>
    <message>
        <source>重新发放密钥(&amp;R)…</source>
        <translation>Issue a new &amp;key…</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>重新发放密钥</source>
        <translation>Issue a new key</translation>
    </message>
    <message>
        <source>为“{name}”重新发放密钥？旧密钥签名的上报包此后一律拒收。</source>
        <translation>Issue a new key to “{name}”? Packages signed with the old key will be refused from now on.</translation>
    </message>
    <message>
        <source>保存登记文件</source>
        <translation>Save the enrolment file</translation>
    </message>
    <message>
        <source>登记文件 (*{suffix})</source>
        <translation>Enrolment files (*{suffix})</translation>
    </message>
    <message>
        <source>已保存“{name}”的登记文件：{file}</source>
        <translation>Saved the enrolment file of “{name}”: {file}</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>{file}

填报单位：{unit}
报告期：{period} 年
已填数值：{filled} 项

导入后，该单位该期的同名指标将以表中数值为准（修改均留有记录）。是否导入？</source>
        <translation type="vanished">{file}

Reporting unit: {unit}
Period: {period}
Figures filled: {filled}

After the import, the unit&apos;s figures for this period take the values in the workbook (every change is recorded). Import?</translation>
    </message>
    <message>
        <source>{unit}_{year}年_填报表.xlsx</source>
        <translation type="vanished">{unit}_{year}_form.xlsx</translation>
    </message>
    <message>
        <source>保存 Excel 填报模板</source>
        <translation>Save Excel form</translation>
    </message>
    <message>
        <source>已生成 {unit} {period} 填报模板：{path}</source>
        <translation>Made the {period} form of {unit}: {path}</translation>
    </message>
    <message>
        <source>导入 Excel 填报表</source>
        <translation>Import Excel form</translation>
    </message>
    <message>
        <source>{file}

填报单位：{unit}
报告期：{period}
已填数值：{filled} 项

导入后，该单位该期的同名指标将以表中数值为准（修改均留有记录）。是否导入？</source>
        <translation>{file}

Reporting unit: {unit}
Period: {period}
Figures filled: {filled}

After the import, the unit&apos;s figures for this period take the values in the workbook (every change is recorded). Import?</translation>
    </message>
    <message>
        <source>已导入 {unit} {period}：写入 {written} 个数值，{unchanged} 个未变，空白 {blank} 个</source>
        <translation>Imported {unit} {period}: {written} figures written, {unchanged} unchanged, {blank} blank</translation>
    </message>
    <message>
        <source>导入 Excel 填报表(&amp;I)…</source>
        <translation>&amp;Import Excel form…</translation>
    </message>
    <message>
        <source>导出 Excel 汇总表</source>
        <translation>Export Excel totals</translation>
    </message>
    <message>
        <source>导出 Excel 汇总表(&amp;X)…</source>
        <translation>E&amp;xport Excel totals…</translation>
    </message>
    <message>
        <source>导出原始数据 CSV</source>
        <translation>Export raw data as CSV</translation>
    </message>
    <message>
        <source>导出原始数据 CSV(&amp;C)…</source>
        <translation>Export raw data as &amp;CSV…</translation>
    </message>
    <message>
        <source>已导入 {unit} {period} 年：写入 {written} 个数值，{unchanged} 个未变，空白 {blank} 个</source>
        <translation type="vanished">Imported {unit} {period}: {written} figures written, {unchanged} unchanged, {blank} blank</translation>
    </message>
    <message>
        <source>已导出 {path}（{rows} 行）</source>
        <translation>Exported {path} ({rows} rows)</translation>
    </message>
    <message>
        <source>已导出 {path}（{sheets} 个工作表，原始数据 {rows} 行）</source>
        <translation>Exported {path} ({sheets} sheets, {rows} rows of raw data)</translation>
    </message>
    <message>
        <source>已生成 {unit} {period} 年填报模板：{path}</source>
        <translation type="vanished">Made the {period} form of {unit}: {path}</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>正在审核并导入…</source>
        <translation>Checking and importing…</translation>
    </message>
    <message>
        <source>正在导入 Excel 填报表…</source>
        <translation>Importing the Excel form…</translation>
    </message>
    <message>
        <source>正在导出 Excel 汇总表…</source>
        <translation>Exporting the Excel totals…</translation>
    </message>
    <message>
        <source>正在导出原始数据…</source>
        <translation>Exporting the raw data…</translation>
    </message>
    <message>
        <source>生成 Excel 填报模板(&amp;T)…</source>
        <translation>Make Excel &amp;template…</translation>
    </message>
    <message>
        <source>秀洲区人才发展指标原始数据.csv</source>
        <translation type="vanished">xiuzhou-talent-raw-data.csv</translation>
    </message>
    <message>
        <source>秀洲区人才发展指标汇总_{period}.xlsx</source>
        <translation type="vanished">xiuzhou-talent-totals_{period}.xlsx</translation>
    </message>
    <message>
        <source>；合理性审核提示 {n} 条，请在填报页补充说明</source>
        <translation>; {n} plausibility warnings: add an explanation on the form page</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Excel 填报表 (*.xlsx)</source>
        <translation>Excel form (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出上报包</source>
        <translation>Export package</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>报告期：</source>
        <translation>Periods:</translation>
    </message>
    <message>
        <source>保存到(&amp;F)：</source>
        <translation>Save to (&amp;F):</translation>
    </message>
    <message>
        <source>填报人(&amp;W)：</source>
        <translation>Filled in by (&amp;W):</translation>
    </message>
    <message>
        <source>空表上报（本期确无数据可报）(&amp;K)</source>
        <translation>Nil report (nothing to report this period) (&amp;K)</translation>
    </message>
    <message>
        <source>说明（必填）：为什么本期没有可报的数据</source>
        <translation>Explanation (required): why there is nothing to report</translation>
    </message>
    <message>
        <source>空表：</source>
        <translation>Nil report:</translation>
    </message>
    <message>
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>上次导出：{at}，报告期 {periods}。</source>
        <translation>Last export: {at}, periods {periods}.</translation>
    </message>
    <message>
        <source>本单位还没有填报任何数据。</source>
        <translation>This unit has not filled in any figures yet.</translation>
    </message>
    <message>
        <source>保存上报包</source>
        <translation>Save package</translation>
    </message>
    <message>
        <source>上报包 (*{suffix})</source>
        <translation>Packages (*{suffix})</translation>
    </message>
    <message>
        <source>请至少选择一个报告期。</source>
        <translation>Choose at least one period.</translation>
    </message>
    <message>
        <source>正在导出上报包…</source>
        <translation>Exporting package…</translation>
    </message>
    <message>
        <source>现行目录已不含 {codes}，这些数值未导出。</source>
        <translation>The current catalog no longer has {codes}; those figures were not exported.</translation>
    </message>
    <message>
        <source>已导出上报包：{file}
报告期 {periods}，共 {n} 个数值。请把这个文件报送区里。</source>
        <translation>Package exported: {file}
Periods {periods}, {n} figures. Send this file to the district.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FinalEvaluation</name>
    <message>
        <source>保存规划终期评估报告</source>
        <translation>Save the final evaluation report</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation type="vanished">Word documents (*.docx)</translation>
    </message>
    <message>
        <source>已写出规划终期评估报告 {path}</source>
        <translation>Final evaluation report written: {path}</translation>
    </message>
    <message>
        <source>，PDF：{pdf}</source>
        <translation type="vanished">, PDF: {pdf}</translation>
    </message>
    <message>
        <source>（未安装 LibreOffice，未生成 PDF）</source>
        <translation type="vanished"> (LibreOffice is not installed: no PDF)</translation>
    </message>
    <message>
        <source>正在生成规划终期评估报告…</source>
        <translation>Writing the final evaluation report…</translation>
    </message>
</context>
<context>
    <name>FinalEvaluationView</name>
    <message>
        <source>规划(&amp;P)：</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <source>终期评估报告(&amp;L)…</source>
        <translation>Fina&amp;l evaluation report…</translation>
    </message>
    <message>
        <source>数据不全</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>（累计）</source>
        <translation> (cumulative)</translation>
    </message>
    <message>
        <source>表2</source>
        <translation>Table 2</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>基数</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>目标年</source>
        <translation>Target year</translation>
    </message>
    <message>
        <source>增长</source>
        <translation>Growth</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>缺报</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>本单位目标</source>
        <translation>Own target</translation>
    </message>
    <message>
        <source>{plan}（{first}—{last}年）：{n} 项目标，完成 {met} 项，未完成 {not_met} 项，数据不全（不作判断）{incomplete} 项。</source>
        <translation>{plan} ({first}–{last}): {n} targets, {met} met, {not_met} not met, {incomplete} incomplete (not judged).</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>要改的格</source>
        <translation>Cell to fix</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>按回车或单击一行，转到要改的格。</source>
        <translation>Press Enter or click a line to go to the cell to fix.</translation>
    </message>
    <message>
        <source>收起审核结果</source>
        <translation>Hide the check results</translation>
    </message>
    <message>
        <source>审核结果：没有错误或提示</source>
        <translation>Check results: no errors or warnings</translation>
    </message>
    <message>
        <source>审核结果：错误 {errors} · 需说明 {warnings} · 已说明 {explained}</source>
        <translation>Check results: errors {errors} · to explain {warnings} · explained {explained}</translation>
    </message>
    <message>
        <source> · 未填 {n}（填完或按 Ctrl+J 审核后算作错误）</source>
        <translation> · not filled {n} (errors once the form is left or checked with Ctrl+J)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>新建 xz-desktop 数据库</source>
        <translation>New xz-desktop database</translation>
    </message>
    <message>
        <source>&lt;b&gt;欢迎使用秀洲区人才发展规划指标填报程序。&lt;/b&gt;&lt;br/&gt;请说明本机这份程序属于哪里。选定后，数据库只接受该单位的数据。</source>
        <translation>&lt;b&gt;Welcome to the Xiuzhou talent plan reporting program.&lt;/b&gt;&lt;br/&gt;Tell us whom this copy belongs to. Once chosen, the database accepts only that unit&apos;s figures.</translation>
    </message>
    <message>
        <source>用区里的登记文件建立本单位的数据库(&amp;E)（推荐：导出的上报包带签名，区里才能接收）</source>
        <translation>Set up this unit&apos;s copy from the district&apos;s &amp;enrolment file (recommended: packages are signed, so the district accepts them)</translation>
    </message>
    <message>
        <source>区里用“xz enrol”生成的登记文件（*.xzenrol）</source>
        <translation type="vanished">The enrolment file the district made with “xz enrol” (*.xzenrol)</translation>
    </message>
    <message>
        <source>区里在“汇总 → 单位登记与密钥”中保存的登记文件（*.xzenrol）</source>
        <translation>The enrolment file the district saved in “District → Unit enrolment and keys” (*.xzenrol)</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>本单位填报(&amp;U)：镇、街道、高新区或区级部门</source>
        <translation>&amp;Unit: a town, subdistrict, the high-tech zone or a district department</translation>
    </message>
    <message>
        <source>区级汇总(&amp;D)：区委人才办，合并各单位报送的数据</source>
        <translation>&amp;District: the district talent office, merging the units&apos; submissions</translation>
    </message>
    <message>
        <source>打开示例数据（演示用）(&amp;S)：不新建数据库，先看看程序怎么用</source>
        <translation>Open the &amp;sample data (demo): no database is created; see how the program works first</translation>
    </message>
    <message>
        <source>镇街</source>
        <translation>Town/subdistrict</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>请选择本单位</source>
        <translation>Choose your unit</translation>
    </message>
    <message>
        <source>如：张三</source>
        <translation>e.g. Zhang San</translation>
    </message>
    <message>
        <source>填报单位(&amp;N)：</source>
        <translation>U&amp;nit:</translation>
    </message>
    <message>
        <source>填报人姓名(&amp;A)：</source>
        <translation>Your n&amp;ame:</translation>
    </message>
    <message>
        <source>数据文件：{path}</source>
        <translation>Data file: {path}</translation>
    </message>
    <message>
        <source>创建(&amp;C)</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>选择区里发放的登记文件</source>
        <translation>Choose the district&apos;s enrolment file</translation>
    </message>
    <message>
        <source>登记文件 (*{suffix});;所有文件 (*)</source>
        <translation>Enrolment files (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>请填写填报人姓名：每一次修改都会记下是谁填的。</source>
        <translation>Please enter your name: every change records who made it.</translation>
    </message>
    <message>
        <source>请选择区里发放的登记文件。</source>
        <translation>Choose the enrolment file the district issued.</translation>
    </message>
    <message>
        <source>请选择本单位：数据库只接受所选单位的数据。</source>
        <translation>Choose your unit: the database takes only the figures of the unit chosen.</translation>
    </message>
</context>
<context>
    <name>FormDelegate</name>
    <message>
        <source>说明变动原因，如：新设企业研发中心</source>
        <translation>Explain the change, e.g. a new corporate R&amp;D centre</translation>
    </message>
</context>
<context>
    <name>FormModel</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>上期（{period}）</source>
        <translation>Previous ({period})</translation>
    </message>
    <message>
        <source>上期</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>本期（{period}）</source>
        <translation>Current ({period})</translation>
    </message>
    <message>
        <source>本期</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>区里退回意见</source>
        <translation>District&apos;s return reason</translation>
    </message>
    <message>
        <source>（请填写说明）</source>
        <translation>(explanation needed)</translation>
    </message>
    <message>
        <source>区里退回意见：{reason}</source>
        <translation>Returned by the district: {reason}</translation>
    </message>
    <message>
        <source>代码：{code}</source>
        <translation>Code: {code}</translation>
    </message>
    <message>
        <source>由本单位填报的数值自动计算，不能直接填写</source>
        <translation>Computed from this unit&apos;s own figures; cannot be typed</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>查找指标：名称或代码（Ctrl+F）</source>
        <translation>Find an indicator by name or code (Ctrl+F)</translation>
    </message>
    <message>
        <source>填报单位(&amp;U)：</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>报告期(&amp;P)：</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>查找(&amp;S)：</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>修改记录(&amp;H)</source>
        <translation type="vanished">&amp;History</translation>
    </message>
    <message>
        <source>打印(&amp;R)…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <source>导出 PDF(&amp;X)…</source>
        <translation>E&amp;xport PDF…</translation>
    </message>
    <message>
        <source>每一项修改在输入后立即保存，无需“保存”。</source>
        <translation>Every change is saved as soon as it is entered; there is nothing to save.</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>查找指标(&amp;F)</source>
        <translation>&amp;Find indicator</translation>
    </message>
    <message>
        <source>查看修改记录(&amp;H)…</source>
        <translation>Change &amp;history…</translation>
    </message>
    <message>
        <source>下一处错误或提示(&amp;N)</source>
        <translation>&amp;Next error or warning</translation>
    </message>
    <message>
        <source>审核结果(&amp;J)</source>
        <translation>Check &amp;results</translation>
    </message>
    <message>
        <source>清空本格(&amp;C)</source>
        <translation>&amp;Clear cell</translation>
    </message>
    <message>
        <source>打印填报表(&amp;P)…</source>
        <translation>&amp;Print form…</translation>
    </message>
    <message>
        <source>打印预览(&amp;V)…</source>
        <translation type="vanished">Print pre&amp;view…</translation>
    </message>
    <message>
        <source>修改记录(&amp;J)</source>
        <translation>History (&amp;J)</translation>
    </message>
    <message>
        <source>填写本行说明(&amp;E)</source>
        <translation>&amp;Explain this row</translation>
    </message>
    <message>
        <source>打印预览(&amp;W)…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <source>导出 PDF(&amp;E)…</source>
        <translation>&amp;Export PDF…</translation>
    </message>
    <message>
        <source>截止日期：{due}</source>
        <translation>Due date: {due}</translation>
    </message>
    <message>
        <source>本期上报包已于 {at} 收到并合并。</source>
        <translation>This period&apos;s package was received and merged on {at}.</translation>
    </message>
    <message>
        <source>本期已于 {at} 导出上报包。</source>
        <translation>A package of this period was exported on {at}.</translation>
    </message>
    <message>
        <source>此后区里更正过 {n} 项数值（更正文件可发给该单位）。</source>
        <translation>Since then the district has corrected {n} figures (a corrections file can go to the unit).</translation>
    </message>
    <message>
        <source>此后有 {n} 项数值修改过，尚未报送，请重新导出上报包。</source>
        <translation> {n} figure(s) changed since and are not submitted yet: export the package again.</translation>
    </message>
    <message>
        <source>此后数值没有修改。</source>
        <translation> No figure has changed since.</translation>
    </message>
    <message>
        <source>本期已由区里验收并锁定（{by}，{at}），数值只读；如需修改，请联系区里重新开放。</source>
        <translation>This period was accepted and locked by the district ({by}, {at}); figures are read-only. To change them, ask the district to reopen it.</translation>
    </message>
    <message>
        <source>本期已被区里退回（{by}，{at}）：{reason}</source>
        <translation>This period was returned by the district ({by}, {at}): {reason}</translation>
    </message>
    <message>
        <source> 逐项意见见右侧“区里退回意见”列。修改后请重新导出上报包。</source>
        <translation> Reasons per figure are in the “District&apos;s return reason” column. Correct them and export a new package.</translation>
    </message>
    <message>
        <source>已撤销：{name}（{time}），原来的数值已写回。</source>
        <translation>Undone: {name} ({time}); the earlier value is written back.</translation>
    </message>
    <message>
        <source>已重做：{name}（{time}）。</source>
        <translation>Redone: {name} ({time}).</translation>
    </message>
    <message>
        <source>已保存：{name}（{time}）。每一项修改在输入后立即保存。</source>
        <translation>Saved: {name} ({time}). Every change is saved as soon as it is entered.</translation>
    </message>
    <message>
        <source>“{name}”需要说明：选中该行按 Ctrl+E 填写。</source>
        <translation>“{name}” needs an explanation: select its row and press Ctrl+E.</translation>
    </message>
    <message>
        <source>本表还有 {errors} 处错误、{warnings} 处提示未说明，见下方“审核结果”。</source>
        <translation> This form still has {errors} error(s) and {warnings} unexplained warning(s): see “Check results” below.</translation>
    </message>
    <message>
        <source>填写“{name}”</source>
        <translation>Fill in &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>说明“{name}”</source>
        <translation>Explain &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>本表的指标都已填写</source>
        <translation>Every figure of this form is filled in</translation>
    </message>
    <message>
        <source>这一行不能填写说明</source>
        <translation>This row cannot take an explanation</translation>
    </message>
    <message>
        <source>本期已由区里验收并锁定，数值只读；如需修改，请联系区里重新开放。</source>
        <translation>This period was accepted and locked by the district: its figures are read-only; to change them, ask the district to reopen it.</translation>
    </message>
    <message>
        <source>“{name}”由本单位填报的数值自动计算，不能直接填写。</source>
        <translation>“{name}” is computed from the unit&apos;s own figures and cannot be typed.</translation>
    </message>
    <message>
        <source>这一格不能填写：请在“本期”或“说明”格输入。</source>
        <translation>This cell cannot be typed in: type in the current period&apos;s figure or its explanation.</translation>
    </message>
    <message>
        <source>未保存：{reason}。请输入数字，如 1234、1,234 或 １２３４；留空表示未填。</source>
        <translation>Not saved: {reason}. Type a number such as 1234, 1,234 or １２３４; leave it empty for a missing figure.</translation>
    </message>
    <message>
        <source>“{name}”不在本表中（目录已不含该指标）</source>
        <translation>“{name}” is not on this form (the catalog no longer has this indicator)</translation>
    </message>
    <message>
        <source>没有需要处理的错误或提示</source>
        <translation>No errors or warnings to deal with</translation>
    </message>
    <message>
        <source>请先选中一个填报指标</source>
        <translation>Select an indicator first</translation>
    </message>
    <message>
        <source>填报表</source>
        <translation type="vanished">form</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已导出 {path}</source>
        <translation>Exported {path}</translation>
    </message>
    <message>
        <source>填报</source>
        <translation>Form</translation>
    </message>
</context>
<context>
    <name>FormPrintout</name>
    <message>
        <source>秀洲区人才发展“十四五”规划指标填报表</source>
        <translation>Xiuzhou District Talent Plan 2021–2025: Indicator Report Form</translation>
    </message>
    <message>
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>打印时间</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>上期</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>本期</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>审核情况</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>年</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>月</source>
        <translation>M</translation>
    </message>
    <message>
        <source>日</source>
        <translation>D</translation>
    </message>
    <message>
        <source>制表</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>注：灰底并标“计算”的行是由本表填报的数值自动计算的指标，无需填写；“审核”列为程序按审核公式检查的结果。</source>
        <translation>Note: grey rows marked “computed” are calculated from the figures of this form and need not be filled in; the “Check” column is the program&apos;s result of the check rules.</translation>
    </message>
    <message>
        <source>计算</source>
        <translation>computed</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>单位负责人</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <source>单位盖章</source>
        <translation>Unit stamp</translation>
    </message>
    <message>
        <source>等</source>
        <translation> et al.</translation>
    </message>
    <message>
        <source>已填 {filled} 项，未填 {missing} 项；错误 {errors} 个；提示 {warnings} 条（未说明 {unexplained} 条）</source>
        <translation>{filled} filled, {missing} missing; {errors} errors; {warnings} warnings ({unexplained} unexplained)</translation>
    </message>
    <message>
        <source>{unit}&#x3000;{period}&#x3000;填报表（续）</source>
        <translation>{unit}, {period}: form (continued)</translation>
    </message>
    <message>
        <source>第 {page} 页 共 {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>PDF 没有写出内容</source>
        <translation>the PDF came out empty</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}（文件可能正被其他程序打开）</source>
        <translation>Cannot write {path}: {reason} (the file may be open in another program)</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>xz-desktop 用户指南</source>
        <translation>xz-desktop user guide</translation>
    </message>
    <message>
        <source>后退(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>找不到用户指南（{folder}）。请重新安装程序。</source>
        <translation>The user guide is missing ({folder}). Please reinstall the program.</translation>
    </message>
    <message>
        <source>该链接指向程序的源文件，不在用户指南中：{target}</source>
        <translation>This link points to the program&apos;s source files, which are not part of the user guide: {target}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>修改记录 — {name}</source>
        <translation>History — {name}</translation>
    </message>
    <message>
        <source>{unit} · {period} · {name}（{measure}）</source>
        <translation>{unit} · {period} · {name} ({measure})</translation>
    </message>
    <message>
        <source>这个数值还没有填写或修改过。</source>
        <translation>This figure has not been filled in or changed yet.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>原说明</source>
        <translation>Old explanation</translation>
    </message>
    <message>
        <source>新说明</source>
        <translation>New explanation</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>新填</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>本机填报</source>
        <translation>Typed here</translation>
    </message>
    <message>
        <source>文件导入</source>
        <translation>File import</translation>
    </message>
    <message>
        <source>示例数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>报送包 {name}</source>
        <translation>Package {name}</translation>
    </message>
    <message>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>CSV 文件 (*.csv);;所有文件 (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>导入 CSV 数据</source>
        <translation>Import CSV data</translation>
    </message>
    <message>
        <source>导入 CSV 数据(&amp;V)…</source>
        <translation type="vanished">Import CSV data (&amp;V)…</translation>
    </message>
    <message>
        <source>已导入 {file}：写入 {written} 个数值，{unchanged} 个未变，跳过空白 {blank} 个</source>
        <translation>Imported {file}: {written} figures written, {unchanged} unchanged, {blank} blanks skipped</translation>
    </message>
    <message>
        <source>正在导入 CSV 数据…</source>
        <translation>Importing CSV data…</translation>
    </message>
    <message>
        <source>导入 CSV 数据(&amp;S)…</source>
        <translation>Import CSV data (&amp;S)…</translation>
    </message>
    <message>
        <source>；{n} 条合理性审核提示需在填报页补充说明</source>
        <translation>; {n} plausibility warnings need an explanation on the form page</translation>
    </message>
</context>
<context>
    <name>IndexChart</name>
    <message>
        <source>指数（2020年=100）</source>
        <translation type="vanished">Index (2020 = 100)</translation>
    </message>
    <message>
        <source>指数（{year}年=100）</source>
        <translation>Index ({year} = 100)</translation>
    </message>
</context>
<context>
    <name>LiveData</name>
    <message>
        <source>数据库已在别处更新，已刷新显示。</source>
        <translation>The database was changed elsewhere; the window shows the new figures.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>填报(&amp;E)</source>
        <translation>&amp;Entry</translation>
    </message>
    <message>
        <source>汇总(&amp;D)</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>【示例数据】</source>
        <translation>[DEMO DATA] </translation>
    </message>
    <message>
        <source>新建数据库(&amp;N)…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <source>打开数据库(&amp;O)…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>用户指南(&amp;G)…</source>
        <translation>User &amp;guide…</translation>
    </message>
    <message>
        <source>快捷键(&amp;K)…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>打开示例数据（演示用）(&amp;D)</source>
        <translation>Open the sample data (&amp;demo)</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>跟随系统</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>关于 xz-desktop(&amp;A)</source>
        <translation>&amp;About xz-desktop</translation>
    </message>
    <message>
        <source>数据库：{path} · 填报人：{author}</source>
        <translation>Database: {path} · Filled in by: {author}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>界面语言将在下次启动程序时生效。</source>
        <translation>The language changes the next time the program starts.</translation>
    </message>
    <message>
        <source>关于 xz-desktop</source>
        <translation>About xz-desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;秀洲区人才发展“十四五”规划指标填报与汇总&lt;/h3&gt;&lt;p&gt;程序版本 {version}&lt;/p&gt;&lt;p&gt;数据库结构版本 {schema}&lt;br/&gt;上报包格式版本 {package}&lt;br/&gt;回执格式版本 {receipt}&lt;br/&gt;目录文件格式版本 {catalog_format}&lt;br/&gt;填报模板格式版本 {template}&lt;/p&gt;&lt;p&gt;当前数据库：{path}（结构版本 {db_schema}，指标目录版本 {catalog}）&lt;br/&gt;日志文件：{log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Xiuzhou talent development plan 2021–2025: reporting and totals&lt;/h3&gt;&lt;p&gt;Program version {version}&lt;/p&gt;&lt;p&gt;Database schema version {schema}&lt;br/&gt;Package format version {package}&lt;br/&gt;Receipt format version {receipt}&lt;br/&gt;Catalog file format version {catalog_format}&lt;br/&gt;Template format version {template}&lt;/p&gt;&lt;p&gt;This database: {path} (schema version {db_schema}, catalog version {catalog})&lt;br/&gt;Log file: {log}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>新数据库.sqlite</source>
        <translation>new database.sqlite</translation>
    </message>
    <message>
        <source>&lt;h3&gt;秀洲区人才发展“十四五”规划指标填报与汇总&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;数据库：{path}&lt;br/&gt;结构版本 {schema}，指标目录版本 {catalog}&lt;/p&gt;</source>
        <translation type="vanished">&lt;h3&gt;Xiuzhou District Talent Plan 2021–2025: reporting and totals&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Database: {path}&lt;br/&gt;Schema version {schema}, catalog version {catalog}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>xz-desktop 数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>xz-desktop databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>xz-desktop 数据库 (*.sqlite)</source>
        <translation>xz-desktop databases (*.sqlite)</translation>
    </message>
    <message>
        <source>不认识的文件：{name}</source>
        <translation type="vanished">Unknown kind of file: {name}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>合并上报包</source>
        <translation>Merge packages</translation>
    </message>
    <message>
        <source>输入或粘贴上报包文件、文件夹的路径，按回车添加</source>
        <translation>Type or paste the path of a package file or folder, then press Enter</translation>
    </message>
    <message>
        <source>添加文件(&amp;A)…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <source>添加文件夹(&amp;O)…</source>
        <translation>Add f&amp;older…</translation>
    </message>
    <message>
        <source>移除(&amp;R)</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>所选上报包将带来的变动（先预览）：</source>
        <translation>Changes the chosen packages would bring (preview first):</translation>
    </message>
    <message>
        <source>预览(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>合并(&amp;M)</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>（无法读出）</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <source>{unit}（自称，未验证）</source>
        <translation>{unit} (claimed, unverified)</translation>
    </message>
    <message>
        <source>文件中读不出它属于哪个单位</source>
        <translation>The file does not say readably which unit it belongs to</translation>
    </message>
    <message>
        <source>签名已验证：确是该单位导出的上报包</source>
        <translation>Signature verified: this package was exported by that unit</translation>
    </message>
    <message>
        <source>文件清单中写的单位（代码 {code}）；签名未能证实，可能是他人冒名或文件已损坏</source>
        <translation>The unit named in the file&apos;s manifest (code {code}); its signature does not prove it: someone else may have sent it, or the file is damaged</translation>
    </message>
    <message>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>退回后重新报送</source>
        <translation>Resubmitted after return</translation>
    </message>
    <message>
        <source>空表上报</source>
        <translation>Nil report</translation>
    </message>
    <message>
        <source>正在预览或合并，完成后再添加上报包。</source>
        <translation>A preview or merge is running: add packages when it is over.</translation>
    </message>
    <message>
        <source>选择上报包</source>
        <translation>Choose packages</translation>
    </message>
    <message>
        <source>上报包 (*{suffix});;所有文件 (*)</source>
        <translation>Packages (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>选择存放上报包的文件夹</source>
        <translation>Choose the folder holding the packages</translation>
    </message>
    <message>
        <source>正在预览上报包…</source>
        <translation>Previewing packages…</translation>
    </message>
    <message>
        <source>正在合并上报包…</source>
        <translation>Merging packages…</translation>
    </message>
    <message>
        <source>{file} 带来的变动：</source>
        <translation>Changes brought by {file}:</translation>
    </message>
    <message>
        <source>{file} 将带来的变动（尚未写入）：</source>
        <translation>Changes {file} would bring (not yet written):</translation>
    </message>
    <message>
        <source>已选 {count} 个上报包。先预览，确认无误后再合并。</source>
        <translation>{count} packages chosen. Preview them first, then merge.</translation>
    </message>
    <message>
        <source>请添加上报包文件或文件夹。</source>
        <translation>Add package files or folders.</translation>
    </message>
    <message>
        <source>预览（尚未写入）：{ok} 个可合并，{same} 个此前已合并，{refused} 个拒绝，{conflicts} 个数值有冲突。</source>
        <translation>Preview (nothing written yet): {ok} can merge, {same} merged before, {refused} refused, {conflicts} figures in conflict.</translation>
    </message>
    <message>
        <source>合并完成：{ok} 个已合并，{same} 个此前已合并，{refused} 个拒绝，{conflicts} 个数值有冲突（请到“冲突”页处理）。</source>
        <translation>Merge finished: {ok} merged, {same} merged before, {refused} refused, {conflicts} figures in conflict (see the &quot;Conflicts&quot; page).</translation>
    </message>
    <message>
        <source>已取消：其余 {n} 个上报包未处理。</source>
        <translation>Cancelled: the remaining {n} packages were not processed.</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>冲突：合并后暂用原值，汇总表标为有争议，请到“冲突”页选定</source>
        <translation>Conflict: the old value stays for now and totals are marked disputed; choose on the &quot;Conflicts&quot; page</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>变动</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>可合并</source>
        <translation>Can merge</translation>
    </message>
    <message>
        <source>待预览</source>
        <translation>To preview</translation>
    </message>
    <message>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>未变（此前已合并）</source>
        <translation>Unchanged (merged before)</translation>
    </message>
    <message>
        <source>未处理（已取消）</source>
        <translation>Not processed (cancelled)</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>（待选定）</source>
        <translation>(to be chosen)</translation>
    </message>
</context>
<context>
    <name>MergeLogPage</name>
    <message>
        <source>共 {n} 条记录；现有 {k} 个上报包在用。</source>
        <translation>{n} entries; {k} packages in use.</translation>
    </message>
    <message>
        <source>撤销合并</source>
        <translation>Undo merge</translation>
    </message>
    <message>
        <source>（退回后重新报送）</source>
        <translation> (resubmitted after return)</translation>
    </message>
    <message>
        <source>撤销合并 {file}（{unit}，{periods}）？
该包的数值将撤出，恢复合并前的数值；区里对冲突所做的选择保留。</source>
        <translation>Undo the merge of {file} ({unit}, {periods})?
Its figures are taken out and those from before the merge restored; the district&apos;s conflict decisions are kept.</translation>
    </message>
    <message>
        <source>正在撤销合并…</source>
        <translation>Undoing merge…</translation>
    </message>
    <message>
        <source>已撤销合并 {file}：恢复 {restored} 个数值，移除 {removed} 个，{conflicts} 个仍有冲突。</source>
        <translation>Merge of {file} undone: {restored} figures restored, {removed} removed, {conflicts} still in conflict.</translation>
    </message>
    <message>
        <source>上报包编号</source>
        <translation>Package ID</translation>
    </message>
    <message>
        <source>修改/恢复</source>
        <translation>Changed/restored</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>把所选上报包的数值撤出，恢复合并前的数值</source>
        <translation>Take the chosen package&apos;s figures out and restore those from before the merge</translation>
    </message>
    <message>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>撤销合并(&amp;Z)…</source>
        <translation>Undo merge (&amp;Z)…</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>（已撤销）</source>
        <translation>(undone)</translation>
    </message>
</context>
<context>
    <name>MergeModels</name>
    <message>
        <source>空</source>
        <translation>blank</translation>
    </message>
</context>
<context>
    <name>PivotModel</name>
    <message>
        <source>全区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>未填报</source>
        <translation>Not reported</translation>
    </message>
</context>
<context>
    <name>PivotPage</name>
    <message>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>{units} 个单位 × {indicators} 项指标，已填 {filled} 个数值；灰色为该单位不填报的指标</source>
        <translation>{units} units × {indicators} indicators, {filled} figures filled; grey cells are indicators the unit does not report</translation>
    </message>
</context>
<context>
    <name>PlanListModel</name>
    <message>
        <source>现行</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>基期年</source>
        <translation>Base year</translation>
    </message>
    <message>
        <source>目标年</source>
        <translation>Target year</translation>
    </message>
    <message>
        <source>规划期</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>有目标</source>
        <translation>With targets</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>PlanListWidget</name>
    <message>
        <source>开始新规划(&amp;N)…</source>
        <translation>Start a &amp;new plan…</translation>
    </message>
    <message>
        <source>启用规划(&amp;A)…</source>
        <translation>&amp;Add a plan…</translation>
    </message>
    <message>
        <source>正在写出新规划文件夹…</source>
        <translation>Writing the new plan&apos;s folder…</translation>
    </message>
    <message>
        <source>已写出 {name} 的文件夹 {folder}：{n} 个指标，{filled} 个基数取自本库完整的全区值。</source>
        <translation>Wrote the folder of {name} to {folder}: {n} indicators, {filled} bases from this database&apos;s complete district figures.</translation>
    </message>
    <message>
        <source>以下 {n} 个指标的基数留空（{year} 年数据不全或缺失），请核实后填写：</source>
        <translation>The bases of these {n} indicators are left blank (the {year} figures are incomplete or missing); check and fill them in:</translation>
    </message>
    <message>
        <source>开始新规划</source>
        <translation>Start a new plan</translation>
    </message>
    <message>
        <source>选择填好的规划文件夹</source>
        <translation>Choose the filled plan folder</translation>
    </message>
    <message>
        <source>正在启用规划…</source>
        <translation>Putting the plan in force…</translation>
    </message>
    <message>
        <source>启用规划</source>
        <translation>Add a plan</translation>
    </message>
    <message>
        <source>已启用 {name}（{first}–{last}），目录版本 {version}。请导出目录发给各单位。</source>
        <translation>{name} ({first}–{last}) is in force, catalog version {version}. Export the catalog and send it to the units.</translation>
    </message>
</context>
<context>
    <name>PlanNewDialog</name>
    <message>
        <source>开始新规划</source>
        <translation>Start a new plan</translation>
    </message>
    <message>
        <source>如 十五五</source>
        <translation>e.g. 十五五</translation>
    </message>
    <message>
        <source>选择(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>规划代码(&amp;C)：</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>规划名称(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>基期年(&amp;Y)：</source>
        <translation>Base &amp;year:</translation>
    </message>
    <message>
        <source>目标年(&amp;T)：</source>
        <translation>&amp;Target year:</translation>
    </message>
    <message>
        <source>沿用指标自(&amp;F)：</source>
        <translation>Indicators &amp;from:</translation>
    </message>
    <message>
        <source>写到文件夹（须为空）(&amp;O)：</source>
        <translation>&amp;Output folder (empty):</translation>
    </message>
    <message>
        <source>基数取本库基期年完整的全区值，数据不全的留空；目标留空，填好后用“启用规划”导入。</source>
        <translation>Each base is this database&apos;s complete district figure of the base year (left blank where incomplete); the targets are blank: fill them in, then use “Add a plan”.</translation>
    </message>
    <message>
        <source>新规划文件夹</source>
        <translation>Folder of the new plan</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>达到进度</source>
        <translation type="vanished">on track</translation>
    </message>
    <message>
        <source>落后进度</source>
        <translation type="vanished">behind</translation>
    </message>
    <message>
        <source>数据不全</source>
        <translation>incomplete data</translation>
    </message>
    <message>
        <source>无目标</source>
        <translation type="vanished">no target</translation>
    </message>
    <message>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>年度评估报告(&amp;R)…</source>
        <translation>Annual evaluation &amp;report…</translation>
    </message>
    <message>
        <source>导入目标 CSV(&amp;I)…</source>
        <translation>&amp;Import targets CSV…</translation>
    </message>
    <message>
        <source>按规则分解(&amp;S)…</source>
        <translation>&amp;Split by rule…</translation>
    </message>
    <message>
        <source>目标分解</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>单位进度</source>
        <translation>Unit progress</translation>
    </message>
    <message>
        <source>录入加减分(&amp;A)…</source>
        <translation>Enter bonus or deduction (&amp;A)…</translation>
    </message>
    <message>
        <source>年度考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>人才发展指数</source>
        <translation>Talent index</translation>
    </message>
    <message>
        <source>终期评估</source>
        <translation>Final evaluation</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>期别</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>份额不再合计一致：</source>
        <translation>Shares no longer add up: </translation>
    </message>
    <message>
        <source>各项分解目标的份额合计与全区目标一致。</source>
        <translation>The shares of every split target add up to the district target.</translation>
    </message>
    <message>
        <source>尚未下达单位目标：导入目标 CSV，或按规则分解全区目标。</source>
        <translation>No unit targets yet: import a targets CSV, or split a district target by rule.</translation>
    </message>
    <message>
        <source>镇街</source>
        <translation>Town/subdistrict</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>减分</source>
        <translation>Deduction</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>未报</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>未下达目标</source>
        <translation>no targets</translation>
    </message>
    <message>
        <source>数据不全（缺项按方案计分）</source>
        <translation>incomplete data (missing items scored by the scheme)</translation>
    </message>
    <message>
        <source>指数</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>不完整</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <source>导入单位目标</source>
        <translation>Import unit targets</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>已导入目标：{n} 项有变化</source>
        <translation>Targets imported: {n} changed</translation>
    </message>
    <message>
        <source>已分解到 {n} 个单位</source>
        <translation>Split over {n} units</translation>
    </message>
    <message>
        <source>年度评估报告</source>
        <translation>Annual evaluation report</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>秀洲区人才发展规划_{year}年度评估报告.docx</source>
        <translation type="vanished">Xiuzhou talent plan_{year} annual evaluation report.docx</translation>
    </message>
    <message>
        <source>保存年度评估报告</source>
        <translation>Save the annual evaluation report</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation type="vanished">Word documents (*.docx)</translation>
    </message>
    <message>
        <source>已写出年度评估报告 {path}</source>
        <translation>Annual evaluation report written: {path}</translation>
    </message>
    <message>
        <source>，PDF：{pdf}</source>
        <translation type="vanished">, PDF: {pdf}</translation>
    </message>
    <message>
        <source>（未安装 LibreOffice，未生成 PDF）</source>
        <translation type="vanished"> (LibreOffice is not installed: no PDF)</translation>
    </message>
    <message>
        <source>正在生成年度评估报告…</source>
        <translation>Writing the annual evaluation report…</translation>
    </message>
    <message>
        <source>年度评估报告(&amp;N)…</source>
        <translation>An&amp;nual evaluation report…</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <source>规划(&amp;P)</source>
        <translation>&amp;Plans</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>规划进度</source>
        <translation>Planned trajectory</translation>
    </message>
    <message>
        <source>2025年目标</source>
        <translation type="vanished">2025 target</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>数据不全（不可比）</source>
        <translation>Incomplete (not comparable)</translation>
    </message>
    <message>
        <source>估（沿用上期）</source>
        <translation>Estimate (carried forward)</translation>
    </message>
    <message>
        <source>选择一项指标查看其走势</source>
        <translation>Choose an indicator to see its trend</translation>
    </message>
    <message>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>，PDF：{pdf}</source>
        <translation>, PDF: {pdf}</translation>
    </message>
    <message>
        <source>（未安装 LibreOffice，未生成 PDF）</source>
        <translation> (LibreOffice is not installed: no PDF)</translation>
    </message>
</context>
<context>
    <name>ReviewLogPage</name>
    <message>
        <source>设置截止日期</source>
        <translation>Set due date</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>退回后重新报送</source>
        <translation>Resubmitted after return</translation>
    </message>
    <message>
        <source>空表上报</source>
        <translation>Nil report</translation>
    </message>
    <message>
        <source>撤销合并</source>
        <translation>Un-merged</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>验收</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>重新开放</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>（全部单位）</source>
        <translation>(all units)</translation>
    </message>
    <message>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>报告期(&amp;Q)：</source>
        <translation>Period (&amp;Q):</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>验收(&amp;A)…</source>
        <translation>&amp;Accept…</translation>
    </message>
    <message>
        <source>退回(&amp;T)…</source>
        <translation>Re&amp;turn…</translation>
    </message>
    <message>
        <source>重新开放(&amp;O)…</source>
        <translation>Re&amp;open…</translation>
    </message>
    <message>
        <source>导出回执(&amp;E)…</source>
        <translation type="vanished">&amp;Export receipt…</translation>
    </message>
    <message>
        <source>导出回执(&amp;X)…</source>
        <translation>E&amp;xport receipt…</translation>
    </message>
    <message>
        <source>请选择报告期和单位。</source>
        <translation>Choose a period and a unit.</translation>
    </message>
    <message>
        <source>{unit} {period}：{state}</source>
        <translation>{unit} {period}: {state}</translation>
    </message>
    <message>
        <source>；截止日期 {due}</source>
        <translation>; due {due}</translation>
    </message>
    <message>
        <source>；首次报送 {at}</source>
        <translation>; first submitted {at}</translation>
    </message>
    <message>
        <source>（逾期 {n} 天）</source>
        <translation> ({n} days late)</translation>
    </message>
    <message>
        <source>；退回后已重新报送</source>
        <translation>; resubmitted after return</translation>
    </message>
    <message>
        <source>；空表上报，说明：{reason}</source>
        <translation>; nil report: {reason}</translation>
    </message>
    <message>
        <source>；{by} 于 {at} 退回：{reason}</source>
        <translation>; returned by {by} at {at}: {reason}</translation>
    </message>
    <message>
        <source>。退回后写或改的区里备注也作为逐项退回意见，随之后导出的回执发给单位</source>
        <translation>. Notes written or changed after the return also become per-figure return reasons and go to the unit with the next receipt exported</translation>
    </message>
    <message>
        <source>；{by} 于 {at} 验收并锁定</source>
        <translation>; accepted and locked by {by} at {at}</translation>
    </message>
    <message>
        <source>；还有 {n} 个冲突待处理</source>
        <translation>; {n} conflicts still open</translation>
    </message>
    <message>
        <source>验收</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>验收“{unit}”{period}？验收后该期锁定，之后的上报包将不予合并，直到区里重新开放。</source>
        <translation>Accept {period} of “{unit}”? The period locks: later packages for it are refused until the district reopens it.</translation>
    </message>
    <message>
        <source>把“{unit}”{period} 退回，请写明原因（必填）。</source>
        <translation>Return {period} of “{unit}”: state the reason (required).</translation>
    </message>
    <message>
        <source>以下区里备注将作为逐项退回意见一并发给单位：</source>
        <translation>These district notes go to the unit as reasons per figure:</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>重新开放</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>重新开放“{unit}”{period}，请写明原因（必填）。重新开放后可再合并该期的上报包。</source>
        <translation>Reopen {period} of “{unit}”: state the reason (required). Packages for the period can then be merged again.</translation>
    </message>
    <message>
        <source>{period}：{before} → {after}</source>
        <translation>{period}: {before} → {after}</translation>
    </message>
    <message>
        <source>导出回执</source>
        <translation>Export receipt</translation>
    </message>
    <message>
        <source>回执 (*{suffix})</source>
        <translation>Receipt (*{suffix})</translation>
    </message>
    <message>
        <source>已导出给 {unit} 的回执：{file}。请发给该单位，用“文件 → 导入区里的回执”导入。</source>
        <translation>Receipt for {unit} exported: {file}. Send it to the unit to import with “File → Import the district&apos;s receipt”.</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>本期（{period}）</source>
        <translation>This period ({period})</translation>
    </message>
    <message>
        <source>本期</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>上年（{period}）</source>
        <translation>Last year ({period})</translation>
    </message>
    <message>
        <source>上年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>上一个上报包</source>
        <translation>Previous package</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>离群筛查</source>
        <translation>Outlier screen</translation>
    </message>
    <message>
        <source>区里备注</source>
        <translation>District note</translation>
    </message>
    <message>
        <source>错误：{text}</source>
        <translation>Error: {text}</translation>
    </message>
    <message>
        <source>提示（已说明）：{text}</source>
        <translation>Warning (explained): {text}</translation>
    </message>
    <message>
        <source>提示：{text}</source>
        <translation>Warning: {text}</translation>
    </message>
    <message>
        <source>离群 z={z:.1f}</source>
        <translation>outlier z={z:.1f}</translation>
    </message>
    <message>
        <source>与上年相比跳变</source>
        <translation>Jump from last year</translation>
    </message>
    <message>
        <source>与上一个上报包不同</source>
        <translation>Differs from the previous package</translation>
    </message>
    <message>
        <source>每万名从业人员 {v:.1f}</source>
        <translation>{v:.1f} per 10,000 employed</translation>
    </message>
    <message>
        <source>退回意见：{reason}</source>
        <translation>Return reason: {reason}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>快捷键</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>菜单或页面</source>
        <translation>Menu or page</translation>
    </message>
    <message>
        <source>命令</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>菜单和按钮上括号里的字母：按住 Alt 再按该字母即可打开菜单或按下按钮，例如 Alt+F 打开“文件”菜单。</source>
        <translation>Underlined letters on menus and buttons: hold Alt and press the letter to open the menu or press the button, e.g. Alt+F opens the File menu.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>按规则分解全区目标</source>
        <translation>Split a district target by rule</translation>
    </message>
    <message>
        <source>各单位 2020 年数（基数）</source>
        <translation type="vanished">each unit&apos;s 2020 figure (base)</translation>
    </message>
    <message>
        <source>各单位 {year} 年数（基数）</source>
        <translation>Each unit&apos;s {year} figure (base)</translation>
    </message>
    <message>
        <source>指标(&amp;I)：</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <source>分解依据(&amp;B)：</source>
        <translation>Split &amp;by:</translation>
    </message>
    <message>
        <source>这部分目标由各单位平均分配，其余按依据：依据为 0 的单位也能分得目标</source>
        <translation>This part of the target is split equally, the rest by the basis: a unit with a basis of 0 still gets a target</translation>
    </message>
    <message>
        <source>保底份额(&amp;F)：</source>
        <translation>&amp;Floor share:</translation>
    </message>
    <message>
        <source>如 新城街道=3，洪合镇=1（可空）</source>
        <translation>e.g. 新城街道=3, 洪合镇=1 (may be empty)</translation>
    </message>
    <message>
        <source>手工份额(&amp;M)：</source>
        <translation>Shares set by &amp;hand:</translation>
    </message>
    <message>
        <source>份额按比例舍位平衡，合计恰等于全区目标；手工给定的单位按所填，其余单位分剩下的部分。比率指标给各单位本单位的比率目标。</source>
        <translation>Shares are split in proportion with largest-remainder rounding and add up exactly to the district target; units set by hand keep what is entered and the other units share the rest. A ratio gives each unit a ratio target of its own.</translation>
    </message>
    <message>
        <source>份额按比例舍位平衡，合计恰等于全区目标；比率指标给各单位本单位的比率目标。</source>
        <translation type="vanished">Shares are proportional with largest-remainder rounding and add up exactly to the district target; a ratio gives each unit a ratio target of its own.</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>{period}：{done}/{total} 个单位已报送。</source>
        <translation type="vanished">{period}: {done}/{total} units have submitted.</translation>
    </message>
    <message>
        <source>未报送：{names}</source>
        <translation>Not submitted: {names}</translation>
    </message>
    <message>
        <source>上报包</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>（空表）</source>
        <translation> (nil)</translation>
    </message>
    <message>
        <source>（重新报送）</source>
        <translation> (resubmitted)</translation>
    </message>
    <message>
        <source>逾期 {n} 天</source>
        <translation>{n} days late</translation>
    </message>
    <message>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>及时性</source>
        <translation>Timeliness</translation>
    </message>
    <message>
        <source>退回原因 / 空表说明</source>
        <translation>Return reason / nil report</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <source>已退回，未重新报送</source>
        <translation>Returned, not resubmitted</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>（未登记）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>截止日期(&amp;J)：</source>
        <translation>Due date (&amp;J):</translation>
    </message>
    <message>
        <source>截止日期(&amp;D)：</source>
        <translation type="vanished">&amp;Due date:</translation>
    </message>
    <message>
        <source>设置截止日期</source>
        <translation>Set due date</translation>
    </message>
    <message>
        <source>催报名单（未报送，或已退回未重新报送）：</source>
        <translation>To chase (not submitted, or returned and not resubmitted):</translation>
    </message>
    <message>
        <source>（当前：{due}）</source>
        <translation>(now: {due})</translation>
    </message>
    <message>
        <source>（未设置）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>{period}：{done}/{total} 个单位已报送，{accepted} 个已验收，{late} 个逾期。</source>
        <translation>{period}: {done}/{total} units submitted, {accepted} accepted, {late} late. </translation>
    </message>
    <message>
        <source>已填/应填</source>
        <translation>Filled/expected</translation>
    </message>
    <message>
        <source>已报送</source>
        <translation type="vanished">Submitted</translation>
    </message>
    <message>
        <source>报告期(&amp;Q)：</source>
        <translation>Period (&amp;Q):</translation>
    </message>
    <message>
        <source>最近报送</source>
        <translation>Last submission</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>镇街</source>
        <translation>Town/subdistrict</translation>
    </message>
    <message>
        <source>首次报送</source>
        <translation>First submission</translation>
    </message>
</context>
<context>
    <name>SummaryBar</name>
    <message>
        <source>查看审核结果（Ctrl+J）</source>
        <translation>Show the check results (Ctrl+J)</translation>
    </message>
    <message>
        <source>已填 {filled}/{total}</source>
        <translation>Filled {filled}/{total}</translation>
    </message>
    <message>
        <source>未填 {n}</source>
        <translation>Missing {n}</translation>
    </message>
    <message>
        <source>错误 {n}</source>
        <translation>Errors {n}</translation>
    </message>
    <message>
        <source>提示 {n}（未说明 {m}）</source>
        <translation>Warnings {n} ({m} unexplained)</translation>
    </message>
    <message>
        <source>有错误，须改正后才能报送</source>
        <translation>Errors must be fixed before submitting</translation>
    </message>
    <message>
        <source>有提示未说明，请填写说明</source>
        <translation>Warnings need an explanation</translation>
    </message>
    <message>
        <source>尚未填报（{n} 项未填）</source>
        <translation>Nothing filled in yet ({n} figures to fill)</translation>
    </message>
    <message>
        <source>已填的 {filled} 项未发现错误，尚有 {n} 项未填</source>
        <translation>No errors in the {filled} figures filled; {n} still to fill</translation>
    </message>
    <message>
        <source>审核通过，尚有未填指标</source>
        <translation type="vanished">Checks passed, some figures missing</translation>
    </message>
    <message>
        <source>全部填写，审核通过</source>
        <translation>Complete, all checks passed</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>达到进度</source>
        <translation type="vanished">on track</translation>
    </message>
    <message>
        <source>落后进度</source>
        <translation type="vanished">behind</translation>
    </message>
    <message>
        <source>数据不全</source>
        <translation type="vanished">incomplete data</translation>
    </message>
    <message>
        <source>无目标</source>
        <translation type="vanished">no target</translation>
    </message>
    <message>
        <source>本单位目标（区里下达）与 {year} 年进度</source>
        <translation>This unit&apos;s targets (set by the district) and progress in {year}</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>2025年目标</source>
        <translation type="vanished">2025 target</translation>
    </message>
    <message>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>应达</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>生成 Excel 填报模板</source>
        <translation>Make an Excel form template</translation>
    </message>
    <message>
        <source>填报单位(&amp;U)：</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>报告期(&amp;Y)：</source>
        <translation>Period (&amp;Y):</translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <source>数据不全</source>
        <translation type="vanished">Incomplete</translation>
    </message>
    <message>
        <source>✓ 达到进度（估）</source>
        <translation type="vanished">✓ On track (est.)</translation>
    </message>
    <message>
        <source>✓ 达到进度</source>
        <translation type="vanished">✓ On track</translation>
    </message>
    <message>
        <source>✗ 落后进度（估）</source>
        <translation type="vanished">✗ Behind (est.)</translation>
    </message>
    <message>
        <source>✗ 落后进度</source>
        <translation type="vanished">✗ Behind</translation>
    </message>
    <message>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{unit}（{periods}）</source>
        <translation>{unit} ({periods})</translation>
    </message>
    <message>
        <source>不完整：缺 {who}</source>
        <translation>Incomplete: missing {who}</translation>
    </message>
    <message>
        <source>估：{who}沿用上期</source>
        <translation>Estimate: {who} carried forward</translation>
    </message>
    <message>
        <source>含未通过逻辑性审核的数值：{who}</source>
        <translation>Includes figures failing the logical checks: {who}</translation>
    </message>
    <message>
        <source>无基数</source>
        <translation>No base</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>计量
单位</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>{year}年
实际</source>
        <translation>{year}
actual</translation>
    </message>
    <message>
        <source>2020年
基数</source>
        <translation type="vanished">2020
base</translation>
    </message>
    <message>
        <source>2025年
目标</source>
        <translation type="vanished">2025
target</translation>
    </message>
    <message>
        <source>{year}年
应达</source>
        <translation>{year}
due</translation>
    </message>
    <message>
        <source>已报/
应报</source>
        <translation>Units
in</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation type="vanished">Measure</translation>
    </message>
    <message>
        <source>{year}年实际</source>
        <translation type="vanished">{year} actual</translation>
    </message>
    <message>
        <source>累计</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>2020年基数</source>
        <translation type="vanished">2020 base</translation>
    </message>
    <message>
        <source>2025年目标</source>
        <translation type="vanished">2025 target</translation>
    </message>
    <message>
        <source>{year}年应达</source>
        <translation type="vanished">{year} expected</translation>
    </message>
    <message>
        <source>完成率</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>已报/应报</source>
        <translation type="vanished">Reported/expected</translation>
    </message>
    <message>
        <source>{year}年
基数</source>
        <translation>{year}
base</translation>
    </message>
    <message>
        <source>{year}年
目标</source>
        <translation>{year}
target</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>估 </source>
        <translation>est. </translation>
    </message>
    <message>
        <source>（以下）</source>
        <translation>(at most)</translation>
    </message>
    <message>
        <source>未报 {n} 个单位</source>
        <translation>{n} units missing</translation>
    </message>
    <message>
        <source>含待处理的冲突数值</source>
        <translation>Includes values in open conflicts</translation>
    </message>
    <message>
        <source>（已含在其他单位中，不重复计入）</source>
        <translation> (inside other units, not added twice)</translation>
    </message>
    <message>
        <source>（估：沿用{period}）</source>
        <translation> (estimate: carried from {period})</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>计入比值的单位合计</source>
        <translation>Units counted in the ratio</translation>
    </message>
    <message>
        <source>全区（不完整）</source>
        <translation>District (incomplete)</translation>
    </message>
    <message>
        <source>全区（估）</source>
        <translation>District (estimate)</translation>
    </message>
    <message>
        <source>全区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>（未报）</source>
        <translation>(not reported)</translation>
    </message>
</context>
<context>
    <name>TotalsPage</name>
    <message>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>沿用上期(&amp;C)</source>
        <translation>&amp;Carry forward</translation>
    </message>
    <message>
        <source>缺报单位的存量指标沿用其最近一期数值；用到的地方标“估”，进度评价也是估计</source>
        <translation>A missing unit&apos;s stock figures take its latest earlier value; wherever used they are marked as estimates, and so is the verdict</translation>
    </message>
    <message>
        <source>导出 Excel(&amp;X)…</source>
        <translation>E&amp;xport to Excel…</translation>
    </message>
    <message>
        <source>表2 主要指标 {n} 项：达到进度 {on} 项，落后进度 {behind} 项，数据不全 {partial} 项，其他 {none} 项</source>
        <translation>Table 2: {n} main indicators: {on} on track, {behind} behind, {partial} with incomplete data, {none} other</translation>
    </message>
    <message>
        <source>（其中 {n} 项含沿用上期的估计值）</source>
        <translation> ({n} of them include carried-forward estimates)</translation>
    </message>
    <message>
        <source>表2 主要指标 {n} 项：达到进度 {on} 项，落后进度 {behind} 项，无数据 {none} 项</source>
        <translation type="vanished">Table 2, {n} main indicators: {on} on track, {behind} behind, {none} without data</translation>
    </message>
    <message>
        <source>选择左侧的一项指标，查看各单位的贡献和走势</source>
        <translation>Choose an indicator on the left to see each unit&apos;s contribution and the trend</translation>
    </message>
    <message>
        <source>。不完整的数值不作进度评价（数据不全）。</source>
        <translation>. An incomplete figure gets no progress verdict (incomplete data).</translation>
    </message>
    <message>
        <source>未报 {n} 个单位：{names}</source>
        <translation>{n} units missing: {names}</translation>
    </message>
    <message>
        <source>应报单位均已填报</source>
        <translation>Every expected unit has reported</translation>
    </message>
</context>
<context>
    <name>YearBox</name>
    <message>
        <source>{year}年</source>
        <translation type="vanished">{year}</translation>
    </message>
</context>
<context>
    <name>assessment</name>
    <message>
        <source>考核方案 {file} 有误：{what}</source>
        <translation>The assessment scheme {file} is wrong: {what}</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>目录文件 {where} 第 {line} 行“{column}”列：{problem}</source>
        <translation>Catalog file {where}, line {line}, column &quot;{column}&quot;: {problem}</translation>
    </message>
    <message>
        <source>目录中没有指标“{code}”</source>
        <translation>The catalog has no indicator &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>没有填报单位“{code}”</source>
        <translation>There is no reporting unit &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>指标目录有误：{problems}</source>
        <translation>The indicator catalog is wrong: {problems}</translation>
    </message>
    <message>
        <source>目录文件 {where} 缺少列：{columns}</source>
        <translation>Catalog file {where} lacks columns: {columns}</translation>
    </message>
    <message>
        <source>文件不存在</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>没有读取权限</source>
        <translation>no permission to read it</translation>
    </message>
    <message>
        <source>无法读取（不是普通文件，或磁盘出错）</source>
        <translation>cannot be read (not a regular file, or a disk error)</translation>
    </message>
    <message>
        <source>无法读取目录文件 {path}：{reason}</source>
        <translation>Cannot read the catalog file {path}: {reason}</translation>
    </message>
    <message>
        <source>目录文件 {where} 应恰好有一行（规划的代码、名称、基数年和目标年），实有 {count} 行</source>
        <translation>Catalog file {where} must have exactly one row (the plan&apos;s code, name, base year and target year); it has {count}</translation>
    </message>
    <message>
        <source>目录文件 {where} 第 2 行“{column}”列：{problem}</source>
        <translation type="vanished">Catalog file {where}, row 2, column “{column}”: {problem}</translation>
    </message>
    <message>
        <source>目录文件 {where} 应恰好有一行（本级的代码和名称），实有 {count} 行</source>
        <translation>Catalog file {where} must have exactly one row (this level&apos;s code and name); it has {count}</translation>
    </message>
</context>
<context>
    <name>catalog_edit</name>
    <message>
        <source>街道</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>开发区</source>
        <translation type="vanished">Development zone</translation>
    </message>
    <message>
        <source>高新区</source>
        <translation>High-tech zone</translation>
    </message>
    <message>
        <source>区级部门</source>
        <translation>District department</translation>
    </message>
    <message>
        <source>单位与指标目录由区级汇总数据库维护；填报单位的数据库使用区里下发的目录，不能在这里修改</source>
        <translation>Units and indicators are maintained by the aggregating database; a unit&apos;s copy uses the catalog the district sends and cannot change it</translation>
    </message>
    <message>
        <source>{path} 是文件，不是文件夹</source>
        <translation>{path} is a file, not a folder</translation>
    </message>
    <message>
        <source>文件夹 {path} 中已有 {files}，不会覆盖；请选一个空文件夹</source>
        <translation>The folder {path} already holds {files}; nothing is overwritten: choose an empty folder</translation>
    </message>
    <message>
        <source>无法写入文件夹 {path}：{reason}</source>
        <translation>Cannot write to the folder {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>catalog_edits</name>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>最小值</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>最大值</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>常见范围下限</source>
        <translation>Usual minimum</translation>
    </message>
    <message>
        <source>常见范围上限</source>
        <translation>Usual maximum</translation>
    </message>
    <message>
        <source>同比变化阈值</source>
        <translation>Year-on-year threshold</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>数据来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>汇总方式</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>填报计量单位</source>
        <translation>Entry measure</translation>
    </message>
    <message>
        <source>显示计量单位</source>
        <translation>Display measure</translation>
    </message>
    <message>
        <source>换算系数</source>
        <translation>Display factor</translation>
    </message>
    <message>
        <source>小数位数</source>
        <translation>Decimals</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <source>比率系数</source>
        <translation>Ratio scale</translation>
    </message>
    <message>
        <source>组成项</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>增长基础指标</source>
        <translation>Growth base indicator</translation>
    </message>
    <message>
        <source>填报单位</source>
        <translation>Reporting units</translation>
    </message>
    <message>
        <source>单位“{code}”的{field}：{problem}</source>
        <translation>Unit “{code}”, {field}: {problem}</translation>
    </message>
    <message>
        <source>指标“{code}”的{field}：{problem}</source>
        <translation>Indicator “{code}”, {field}: {problem}</translation>
    </message>
    <message>
        <source>新增单位时不能指定：{fields}</source>
        <translation>A new unit cannot be given: {fields}</translation>
    </message>
    <message>
        <source>单位代码“{code}”已被“{name}”使用{retired}；单位代码不能重复</source>
        <translation>The unit code “{code}” is already used by “{name}”{retired}; unit codes must be unique</translation>
    </message>
    <message>
        <source>（已停用，可恢复）</source>
        <translation> (retired, can be reactivated)</translation>
    </message>
    <message>
        <source>没有单位“{code}”</source>
        <translation>There is no unit “{code}”</translation>
    </message>
    <message>
        <source>单位代码不能修改：它的数值都记在这个代码下。需要新代码时，请新增单位并停用“{code}”</source>
        <translation>A unit&apos;s code cannot change: its figures are filed under it. For a new code, add a unit and retire “{code}”</translation>
    </message>
    <message>
        <source>单位的类别（镇街或部门）决定它填报哪些指标，是目录的含义，不能在这里修改</source>
        <translation>A unit&apos;s kind (town or department) decides which indicators it reports: it is the catalog&apos;s meaning and cannot be changed here</translation>
    </message>
    <message>
        <source>单位的{fields}不能在这里修改</source>
        <translation>A unit&apos;s {fields} cannot be changed here</translation>
    </message>
    <message>
        <source>{names}等</source>
        <translation>{names} and others</translation>
    </message>
    <message>
        <source>“{unit}”是{names}唯一的填报单位，停用后没有单位填报这些指标，未停用</source>
        <translation>“{unit}” is the only unit reporting {names}; retired, no one would report them: not retired</translation>
    </message>
    <message>
        <source>目录中没有指标“{code}”</source>
        <translation>The catalog has no indicator “{code}”</translation>
    </message>
    <message>
        <source>指标的“{fields}”是目录的含义（各单位的上报包和上一级都按它读数），不能在这里修改；只能修改阈值和备注</source>
        <translation>An indicator&apos;s “{fields}” is the catalog&apos;s meaning (every unit&apos;s package and the level above read figures by it) and cannot be changed here; only thresholds and the note can</translation>
    </message>
</context>
<context>
    <name>catalog_transfer</name>
    <message>
        <source>{file} 不是目录文件（应为区里用“导出目录”生成的 {suffix} 文件）</source>
        <translation>{file} is not a catalog file (expected a {suffix} file made by the district with &quot;Export catalog&quot;)</translation>
    </message>
    <message>
        <source>{file} 的内容超出目录文件的范围</source>
        <translation>{file} holds more than a catalog file can</translation>
    </message>
    <message>
        <source>{file} 中的规划“{code}”与“{other}”年份重叠</source>
        <translation>In {file} the plan “{code}” overlaps the years of “{other}”</translation>
    </message>
    <message>
        <source>{file} 中的目录（版本 {version}）比本单位正在使用的目录（版本 {current}）旧，未导入</source>
        <translation>The catalog in {file} (version {version}) is older than the one this unit uses (version {current}): not imported</translation>
    </message>
    <message>
        <source>{file} 太大，不是目录文件</source>
        <translation>{file} is too large to be a catalog file</translation>
    </message>
    <message>
        <source>{file} 由更新版本的程序导出，请升级程序后再导入</source>
        <translation>{file} was exported by a newer version of the program; upgrade before importing it</translation>
    </message>
    <message>
        <source>无法写入文件 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>目录文件由区级汇总数据库导出，并由区里签名</source>
        <translation>Catalog files are exported from the district database and signed by the district</translation>
    </message>
    <message>
        <source>{file} 的内容不完整</source>
        <translation>{file} is incomplete</translation>
    </message>
    <message>
        <source>{file} 的校验码不符：文件在导出后被修改过或已损坏</source>
        <translation type="vanished">{file}&apos;s checksum does not match: it was changed after export or is damaged</translation>
    </message>
    <message>
        <source>找不到文件 {file}</source>
        <translation>File {file} not found</translation>
    </message>
    <message>
        <source>新目录中没有本单位（{unit}）或本单位已停用，未导入</source>
        <translation>The new catalog does not have this unit ({unit}) or retires it; nothing imported</translation>
    </message>
    <message>
        <source>无法写入目录文件 {path}：{reason}</source>
        <translation type="vanished">Cannot write the catalog file {path}: {reason}</translation>
    </message>
    <message>
        <source>目录文件用于填报单位的数据库；区级汇总数据库的目录由区里直接维护</source>
        <translation>Catalog files are for units&apos; databases; the district maintains its own catalog directly</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>{denominator}为 0，无法计算“{ratio}”</source>
        <translation>{denominator} is 0: &quot;{ratio}&quot; cannot be computed</translation>
    </message>
    <message>
        <source>{message}（{left} {op} {right} 不成立）</source>
        <translation type="vanished">{message} ({left} {op} {right} does not hold)</translation>
    </message>
    <message>
        <source>{name} {value} 超出通常范围（{low}–{high}），请填写说明</source>
        <translation>{name} {value} is outside the usual range ({low}–{high}); please explain</translation>
    </message>
    <message>
        <source>说明“{text}”只是数字或符号，不能作为说明；请用文字写明变动原因</source>
        <translation>The explanation “{text}” is only a number or symbols and cannot stand as an explanation; say in words why the figure changed</translation>
    </message>
    <message>
        <source>说明“{text}”太短，请用至少 {n} 个字写明变动原因</source>
        <translation>The explanation “{text}” is too short; say in at least {n} letters why the figure changed</translation>
    </message>
    <message>
        <source>{name}填了 {value}，超出可能的范围（绝对值不超过 {bound}）</source>
        <translation>{name} is {value}, beyond any possible figure (at most {bound} in absolute value)</translation>
    </message>
    <message>
        <source>{name}是个数（{measure}），应为整数（填了 {value}）</source>
        <translation>{name} is a count ({measure}) and must be a whole number (entered {value})</translation>
    </message>
    <message>
        <source>{name}不能为负数（填了 {value}）</source>
        <translation>{name} cannot be negative ({value} entered)</translation>
    </message>
    <message>
        <source>{name}不能大于 {bound}（填了 {value}）</source>
        <translation>{name} cannot exceed {bound} ({value} entered)</translation>
    </message>
    <message>
        <source>{name}上半年 {h1} + 下半年 {h2} = {halves}，与全年 {whole} 不一致，请核对后修改</source>
        <translation>{name}: first half {h1} + second half {h2} = {halves} does not match the whole year {whole}; please check and correct</translation>
    </message>
    <message>
        <source>{message}：{parts}，超过{total}；最可能填错的是“{suspect}”</source>
        <translation>{message}: {parts} exceeds {total}; most likely mistyped: “{suspect}”</translation>
    </message>
    <message>
        <source>{name}不能小于 {bound}（填了 {value}）</source>
        <translation>{name} cannot be below {bound} ({value} entered)</translation>
    </message>
    <message>
        <source>{name}比上年{direction} {change:.0%}（上年 {previous}），超过 {threshold:.0%}，请填写说明</source>
        <translation>{name} differs by {change:.0%} from last year ({previous}), more than {threshold:.0%}; please explain</translation>
    </message>
    <message>
        <source>填了{numerator}，缺少计算“{ratio}”所需的{denominator}</source>
        <translation>{numerator} is filled in but {denominator}, needed for &quot;{ratio}&quot;, is missing</translation>
    </message>
    <message>
        <source>目录中没有指标“{code}”</source>
        <translation>The catalog has no indicator &quot;{code}&quot;</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>区级数据库请用 --unit 指定填报单位（见 xz units）</source>
        <translation>For a district database, name the unit with --unit (see xz units)</translation>
    </message>
    <message>
        <source>请给出数值，或用 --explanation 给出说明</source>
        <translation>Give a value, or an explanation with --explanation</translation>
    </message>
    <message>
        <source>--figure 应写成 指标代码=原因，如 phd=请核实博士人数</source>
        <translation>write --figure as CODE=REASON, e.g. phd=please check</translation>
    </message>
    <message>
        <source>--figure 只用于 --return（退回）</source>
        <translation>--figure is only for --return</translation>
    </message>
    <message>
        <source>验收不需要 --reason</source>
        <translation>--accept takes no --reason</translation>
    </message>
    <message>
        <source>目录文件夹 {path} 不存在</source>
        <translation>The catalog folder {path} does not exist</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>正在生成示例数据…</source>
        <translation>Generating the sample data…</translation>
    </message>
</context>
<context>
    <name>drops</name>
    <message>
        <source>{name}：合并窗口正在预览或合并，完成后再把上报包拖进来。</source>
        <translation>{name}: the merge window is previewing or merging; drop the package again when it is over.</translation>
    </message>
    <message>
        <source>{name} 是区里下发给各单位的目录文件，区级汇总数据库不导入目录文件。</source>
        <translation>{name} is the catalog file the district sends to the units; the district&apos;s database does not import catalog files.</translation>
    </message>
    <message>
        <source>{name} 是上报包，应报送区里合并；本单位的数据库不能导入上报包。</source>
        <translation>{name} is a package: it goes to the district to be merged; a unit&apos;s database does not import packages.</translation>
    </message>
    <message>
        <source>{name} 是一个文件夹：请拖入其中的文件。</source>
        <translation>{name} is a folder: drop the files in it.</translation>
    </message>
    <message>
        <source>不认识的文件：{name}。可以拖入的有：上报包、回执、更正文件、目录文件（.xzcat）、Excel 填报表（.xlsx）和 CSV 数据。</source>
        <translation>Unknown file: {name}. You can drop packages, receipts, corrections files, catalog files (.xzcat), Excel forms (.xlsx) and CSV figures.</translation>
    </message>
    <message>
        <source>无法接收拖入的文件</source>
        <translation>Cannot take the dropped files</translation>
    </message>
</context>
<context>
    <name>enrolment</name>
    <message>
        <source>登记只能在区级汇总数据库中进行</source>
        <translation>Units are enrolled in the district database only</translation>
    </message>
    <message>
        <source>没有在用的填报单位“{code}”（见 xz units）</source>
        <translation>There is no active reporting unit “{code}” (see xz units)</translation>
    </message>
    <message>
        <source>{name}已经登记（密钥 {key}，{at}）。如该单位的电脑丢失或更换，请用 --rekey 重新发放密钥：旧密钥签名的上报包此后将被拒绝</source>
        <translation>{name} is already enrolled (key {key}, {at}). If the unit&apos;s computer was lost or replaced, use --rekey to issue a new key: packages signed with the old key are refused from then on</translation>
    </message>
    <message>
        <source>文件夹 {folder} 不存在</source>
        <translation>The folder {folder} does not exist</translation>
    </message>
    <message>
        <source>无法写入登记文件 {path}：{reason}</source>
        <translation>Cannot write the enrolment file {path}: {reason}</translation>
    </message>
    <message>
        <source>{file} 的登记内容不完整（缺少 {key}）</source>
        <translation>The enrolment in {file} is incomplete ({key} is missing)</translation>
    </message>
    <message>
        <source>{file} 不是登记文件（应为区里用“xz enrol”生成的 {suffix} 文件）</source>
        <translation>{file} is not an enrolment file (a {suffix} file the district makes with “xz enrol”)</translation>
    </message>
    <message>
        <source>找不到文件 {file}</source>
        <translation>File {file} not found</translation>
    </message>
    <message>
        <source>{file} 由更新版本的程序生成，请升级程序后再导入</source>
        <translation>{file} was made by a newer version of the program; upgrade, then import it</translation>
    </message>
    <message>
        <source>{file} 的登记内容不完整或无效</source>
        <translation>The enrolment in {file} is incomplete or invalid</translation>
    </message>
    <message>
        <source>{file} 中的密钥无效</source>
        <translation>The keys in {file} are invalid</translation>
    </message>
    <message>
        <source>{file} 的签名或密钥不符：文件在区里生成后被改动过或已损坏，请让区里重新登记</source>
        <translation>The signature or keys of {file} do not match: it was changed after the district made it, or is damaged; ask the district to enrol the unit again</translation>
    </message>
    <message>
        <source>{file} 的目录中没有它所登记的单位“{unit}”</source>
        <translation>The catalog in {file} does not have the unit “{unit}” it enrols</translation>
    </message>
    <message>
        <source>这份登记文件是发给“{unit}”的，不能用于“{own}”的数据库</source>
        <translation>This enrolment file is for “{unit}” and cannot be used for the database of “{own}”</translation>
    </message>
    <message>
        <source>这份登记文件由另一个区级数据库签发（区里密钥 {found}，本库登记的是 {known}），未导入。请与区委人才办核对</source>
        <translation>This enrolment file was issued by another district database (district key {found}; this copy knows {known}); not imported. Check with the district talent office</translation>
    </message>
</context>
<context>
    <name>enrolment_dialog</name>
    <message>
        <source>区里密钥尚未生成：第一次登记单位时生成。</source>
        <translation>The district key does not exist yet: it is made when the first unit is enrolled.</translation>
    </message>
    <message>
        <source>区里密钥指纹：{print}
单位用登记文件建好数据库后，请双方电话核对这一串字符（单位在“帮助 → 核对区里密钥”里看到同一串）。一致，说明登记文件在传递中没有被调换；不一致，请不要使用该登记文件，重新登记。</source>
        <translation>District key fingerprint: {print}
Once the unit has set up its database from the enrolment file, read this string to each other on the telephone (the unit sees the same one under Help → Check the district key). The same: the file was not swapped on its way; different: do not use that file, enrol again.</translation>
    </message>
    <message>
        <source>核对区里密钥</source>
        <translation>Check the district key</translation>
    </message>
    <message>
        <source>单位登记与密钥(&amp;Y)…</source>
        <translation>Unit enrolment and ke&amp;ys…</translation>
    </message>
    <message>
        <source>核对区里密钥(&amp;Y)…</source>
        <translation>Check the district ke&amp;y…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>发生了意外错误：{error}</source>
        <translation type="vanished">An unexpected error occurred: {error}</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
    <message>
        <source>磁盘空间不足，未能完成（{path}）；原有的文件和数据保持不变</source>
        <translation>The disk is full; not done ({path}); existing files and data are unchanged</translation>
    </message>
    <message>
        <source>{path} 位于只读的介质上（光盘或写保护的 U 盘），无法写入</source>
        <translation>{path} is on a read-only medium (a CD or a write-protected USB stick) and cannot be written</translation>
    </message>
    <message>
        <source>没有权限访问 {path}，或文件正被其他程序（如 Excel/WPS）打开</source>
        <translation>No permission to access {path}, or it is open in another program (such as Excel/WPS)</translation>
    </message>
    <message>
        <source>{path} 正被其他程序使用，请稍后重试</source>
        <translation>{path} is in use by another program; try again later</translation>
    </message>
    <message>
        <source>找不到 {path}</source>
        <translation>{path} not found</translation>
    </message>
    <message>
        <source>文件操作失败（{path}）：{reason}</source>
        <translation>File operation failed ({path}): {reason}</translation>
    </message>
    <message>
        <source>内存不足，未能完成；数据保持不变</source>
        <translation>Out of memory; nothing was done and the data are unchanged</translation>
    </message>
    <message>
        <source>发生了意外错误（{kind}），未能完成；详情已记入日志文件 {log}</source>
        <translation>An unexpected error ({kind}) stopped this; the details are in the log file {log}</translation>
    </message>
</context>
<context>
    <name>excel.export</name>
    <message>
        <source>汇总表只能从区级汇总数据库导出；本数据库属于“{unit}”</source>
        <translation>Totals can only be exported from the district database; this one belongs to &quot;{unit}&quot;</translation>
    </message>
</context>
<context>
    <name>excel.template</name>
    <message>
        <source>没有填报单位“{code}”</source>
        <translation>There is no reporting unit &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>本数据库属于“{own}”，不能生成“{other}”的填报模板</source>
        <translation>This database belongs to &quot;{own}&quot; and cannot make a template for &quot;{other}&quot;</translation>
    </message>
    <message>
        <source>“{name}”没有需要填报的指标</source>
        <translation>&quot;{name}&quot; has no indicators to fill in</translation>
    </message>
</context>
<context>
    <name>file_dialogs</name>
    <message>
        <source>打开所在文件夹(&amp;O)</source>
        <translation>&amp;Open containing folder</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>{path} 是一个文件夹，不能作为导出文件</source>
        <translation>{path} is a folder, not a file to export to</translation>
    </message>
    <message>
        <source>文件名“{name}”应以 {suffix} 结尾</source>
        <translation>The file name &quot;{name}&quot; should end with {suffix}</translation>
    </message>
    <message>
        <source>文件夹 {folder} 不存在</source>
        <translation>Folder {folder} does not exist</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>姓名“{name}…”超过 {limit} 个字</source>
        <translation>The name “{name}…” is longer than {limit} characters</translation>
    </message>
    <message>
        <source>上报包</source>
        <translation>package</translation>
    </message>
    <message>
        <source>区级上报包</source>
        <translation>district package</translation>
    </message>
    <message>
        <source>回执</source>
        <translation>receipt</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>corrections</translation>
    </message>
    <message>
        <source>指标目录</source>
        <translation>catalog</translation>
    </message>
    <message>
        <source>登记文件</source>
        <translation>enrolment</translation>
    </message>
    <message>
        <source>汇总表</source>
        <translation>district workbook</translation>
    </message>
    <message>
        <source>原始数据</source>
        <translation>raw data</translation>
    </message>
    <message>
        <source>填报模板</source>
        <translation>Excel form</translation>
    </message>
    <message>
        <source>填报表</source>
        <translation>form</translation>
    </message>
    <message>
        <source>年度评估报告</source>
        <translation>annual report</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>database</translation>
    </message>
    <message>
        <source>无法写入 {path}：没有写入权限，或文件正在 Excel/WPS 中打开（请关闭后重试）</source>
        <translation>Cannot write {path}: no permission, or the file is open in Excel/WPS (close it and try again)</translation>
    </message>
    <message>
        <source>磁盘空间不足，未能写完 {path}；原有文件保持不变</source>
        <translation>The disk is full; {path} was not finished and the existing file is unchanged</translation>
    </message>
</context>
<context>
    <name>findings</name>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>提示（需说明）</source>
        <translation>Warning (needs an explanation)</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not filled</translation>
    </message>
    <message>
        <source>提示（已说明）</source>
        <translation>Warning (explained)</translation>
    </message>
    <message>
        <source>本期数值</source>
        <translation>This period&apos;s figure</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <source>其他已存数值</source>
        <translation>Other stored figures</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>需说明</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>已说明</source>
        <translation>Explained</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>自动计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation type="vanished">{year}</translation>
    </message>
    <message>
        <source>{year}年上半年</source>
        <translation type="vanished">{year} H1</translation>
    </message>
    <message>
        <source>{year}年下半年</source>
        <translation type="vanished">{year} H2</translation>
    </message>
    <message>
        <source>{period} 已由区里验收并锁定，数值不能再修改；如需修改，请联系区里重新开放</source>
        <translation>{period} was accepted and locked by the district: figures can no longer change; ask the district to reopen it</translation>
    </message>
    <message>
        <source>“{unit}”不填报“{name}”</source>
        <translation>&quot;{unit}&quot; does not report &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>区级修改未保存：{reason}</source>
        <translation>District change not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>help_window</name>
    <message>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>无法识别 {path} 的文字编码（应为 UTF-8 或 GBK/GB18030）。请在 Excel 中“另存为 CSV UTF-8”后重试</source>
        <translation>The text encoding of {path} is not recognised (it must be UTF-8 or GBK/GB18030). Save it from Excel as “CSV UTF-8” and try again</translation>
    </message>
    <message>
        <source>{path} 的表头有{what}：{columns}（表头应为 unit,indicator,period,value[,explanation]）</source>
        <translation>The header of {path} has {what}: {columns} (the header must be unit,indicator,period,value[,explanation])</translation>
    </message>
    <message>
        <source>{file} 不是 Excel 工作簿（.xlsx），或文件已损坏</source>
        <translation>{file} is not an Excel workbook (.xlsx), or it is damaged</translation>
    </message>
    <message>
        <source>{file} 解压后过大，不是本程序的填报模板</source>
        <translation>{file} is too large once unpacked to be this program&apos;s form</translation>
    </message>
    <message>
        <source>{file} 的工作表“{sheet}”过大，不是填报模板</source>
        <translation>In {file}, sheet “{sheet}” is too large to be a form</translation>
    </message>
    <message>
        <source>{file} 的工作表“{sheet}”中 {cell} 是公式，但没有保存计算结果（文件不是由 Excel/WPS 保存的？）。请在 Excel 或 WPS 中打开、保存后再导入，或把公式改为数值</source>
        <translation>In {file}, sheet “{sheet}”, {cell} is a formula without its computed value (not saved by Excel/WPS?). Open and save it in Excel or WPS, or replace the formula by its value, then import again</translation>
    </message>
    <message>
        <source>{file} 的工作表“{sheet}”的内容延伸到 {cell}，远超填报模板的范围（最多 {rows} 行、{columns} 列）。请删除表格以外的内容后重试</source>
        <translation>In {file}, sheet “{sheet}” reaches {cell}, far beyond a form (at most {rows} rows and {columns} columns). Delete what lies outside the form and try again</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>不支持的文件类型“{suffix}”：请导入 .csv 文件或 Excel 填报模板（.xlsx）</source>
        <translation>Unsupported file type &quot;{suffix}&quot;: import a .csv file or an Excel form template (.xlsx)</translation>
    </message>
    <message>
        <source>正在审核…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正在写入…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>{where}：</source>
        <translation>{where}:</translation>
    </message>
    <message>
        <source>没有填报单位“{code}”</source>
        <translation>There is no reporting unit &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>“{name}”的数据不能导入本单位的数据库</source>
        <translation>Figures of &quot;{name}&quot; cannot be imported into this unit&apos;s database</translation>
    </message>
    <message>
        <source>目录中没有指标“{code}”</source>
        <translation>The catalog has no indicator &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>“{name}”由其他指标计算得出，不能导入</source>
        <translation>&quot;{name}&quot; is computed from other indicators and cannot be imported</translation>
    </message>
    <message>
        <source>“{unit}”不填报“{name}”</source>
        <translation>&quot;{unit}&quot; does not report &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>说明超过 {limit} 字</source>
        <translation>the explanation is longer than {limit} characters</translation>
    </message>
    <message>
        <source>与{other}重复</source>
        <translation>duplicates {other}</translation>
    </message>
    <message>
        <source>导入被拒绝，数据库未作任何修改。共 {count} 处问题：</source>
        <translation>Import refused; the database was not changed. {count} problems:</translation>
    </message>
    <message>
        <source>无法识别 {path} 的文字编码（应为 UTF-8 或 GBK）</source>
        <translation type="vanished">The text encoding of {path} is not recognised (it should be UTF-8 or GBK)</translation>
    </message>
    <message>
        <source>{path} 太大（{size} MB），不是可导入的数据文件</source>
        <translation>{path} is too large ({size} MB) to be a data file to import</translation>
    </message>
    <message>
        <source>无法读取 {path}：{reason}</source>
        <translation>Cannot read {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} 不是 CSV 文本文件</source>
        <translation>{path} is not a CSV text file</translation>
    </message>
    <message>
        <source>{path} 缺少列：{columns}（表头应为 unit,indicator,period,value[,explanation]）</source>
        <translation>{path} lacks columns: {columns} (the header should be unit,indicator,period,value[,explanation])</translation>
    </message>
    <message>
        <source>比表头多出 {n} 列（数字里的千分位逗号要放在引号中，如 &quot;1,200&quot;）</source>
        <translation>{n} more columns than the header (a thousands separator in a number must be quoted, as in &quot;1,200&quot;)</translation>
    </message>
    <message>
        <source>{path} 第 {line} 行格式错误：{reason}</source>
        <translation>{path}, line {line} is malformed: {reason}</translation>
    </message>
    <message>
        <source>无法读取 {file}：{reason}</source>
        <translation>Cannot read {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} 太大，不是本程序的填报模板</source>
        <translation>{file} is too large to be a form template of this program</translation>
    </message>
    <message>
        <source>{file} 是旧版 .xls 格式：请用本程序生成的 .xlsx 模板填报（或在 Excel 中另存为 .xlsx 后重试）</source>
        <translation>{file} is in the old .xls format: fill in the .xlsx template this program makes (or save it as .xlsx in Excel and try again)</translation>
    </message>
    <message>
        <source>{file} 不是 Excel 工作簿（.xlsx），或文件已损坏</source>
        <translation>{file} is not an Excel workbook (.xlsx), or it is damaged</translation>
    </message>
    <message>
        <source>{file} 不是本程序生成的填报模板（缺少模板信息）；请先用“生成 Excel 填报模板”生成模板再填写</source>
        <translation>{file} is not a form template made by this program (no template information); make one with &quot;Make an Excel form template&quot; first</translation>
    </message>
    <message>
        <source>{file} 不是本程序生成的填报模板（模板信息不符）</source>
        <translation>{file} is not a form template made by this program (template information does not match)</translation>
    </message>
    <message>
        <source>{file} 是旧版模板（第 {found} 版，现为第 {current} 版）：请重新生成模板，把数值抄入新模板后再导入</source>
        <translation>{file} is an old template (version {found}, now {current}): make a new template, copy the figures into it, then import</translation>
    </message>
    <message>
        <source>{file} 由更新版本的程序生成（模板第 {found} 版）：请升级本程序后再导入</source>
        <translation>{file} was made by a newer version of the program (template version {found}): upgrade before importing it</translation>
    </message>
    <message>
        <source>{file} 是“{name}”的模板，本数据库中没有这个填报单位</source>
        <translation>{file} is the template of &quot;{name}&quot;, a unit this database does not have</translation>
    </message>
    <message>
        <source>{file} 是“{theirs}”的填报模板，不能导入“{ours}”的数据库</source>
        <translation>{file} is the template of &quot;{theirs}&quot; and cannot be imported into the database of &quot;{ours}&quot;</translation>
    </message>
    <message>
        <source>{file} 的报告期无效：{reason}</source>
        <translation>{file}&apos;s period is not valid: {reason}</translation>
    </message>
    <message>
        <source>{file} 是 {found} 年的填报模板，不是 {expected} 年的：请核对报告期，或生成 {expected} 年的模板</source>
        <translation>{file} is the template for {found}, not {expected}: check the period, or make a template for {expected}</translation>
    </message>
    <message>
        <source>{cell}：这一行不是模板原有的指标行（新增或粘贴的行？），无法确定是哪项指标</source>
        <translation>{cell}: this row is not one of the template&apos;s indicator rows (added or pasted?); its indicator cannot be told</translation>
    </message>
    <message>
        <source>第 {row} 行：模板中没有指标代码“{code}”（从其他模板粘贴的行？）</source>
        <translation>Row {row}: the template has no indicator code &quot;{code}&quot; (a row pasted from another template?)</translation>
    </message>
    <message>
        <source>第 {row} 行与第 {other} 行是同一项指标“{name}”（复制的行？）</source>
        <translation>Rows {row} and {other} are the same indicator &quot;{name}&quot; (a copied row?)</translation>
    </message>
    <message>
        <source>{cell}：指标名称“{found}”与本行的指标“{name}”不符（单元格被移动或改写？），请使用新模板</source>
        <translation>{cell}: the indicator name &quot;{found}&quot; does not match this row&apos;s indicator &quot;{name}&quot; (cells moved or overwritten?); use a fresh template</translation>
    </message>
    <message>
        <source>{cell}：“{name}”填成了日期或时间，应为数字</source>
        <translation>{cell}: &quot;{name}&quot; holds a date or time; it should be a number</translation>
    </message>
    <message>
        <source>缺少“{name}”一行（原第 {row} 行，被删除了？）：请使用新模板，或恢复这一行</source>
        <translation>The row of &quot;{name}&quot; is missing (row {row}; deleted?): use a fresh template, or restore the row</translation>
    </message>
    <message>
        <source>导入被拒绝，数据库未作任何修改。{file} 共 {count} 处问题：</source>
        <translation>Import refused; the database was not changed. {file} has {count} problems:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>数据库不存在</source>
        <translation>Database not found</translation>
    </message>
    <message>
        <source>数据库 {path} 不存在。要在这里新建一个吗？</source>
        <translation>Database {path} does not exist. Create a new one there?</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>数据库 {path} 已在另一个 xz-desktop 窗口中打开（计算机 {host}，进程 {pid}）。请先关闭那个窗口，两处同时修改会互相覆盖。</source>
        <translation>Database {path} is open in another xz-desktop window (computer {host}, process {pid}). Close that window first: two copies editing at once would overwrite each other.</translation>
    </message>
    <message>
        <source>无法在 {folder} 中建立锁文件：文件夹只读或没有权限。请把数据库复制到可以写入的文件夹再打开。</source>
        <translation>Cannot create a lock file in {folder}: the folder is read-only or not permitted. Copy the database to a folder you can write to and open it there.</translation>
    </message>
</context>
<context>
    <name>numbers</name>
    <message>
        <source>“{text}”不是数字</source>
        <translation>&quot;{text}&quot; is not a number</translation>
    </message>
    <message>
        <source>“{text}”不是有限的数字</source>
        <translation>&quot;{text}&quot; is not a finite number</translation>
    </message>
    <message>
        <source>“{text}”带有百分号，但本指标的计量单位是“{measure}”</source>
        <translation>“{text}” has a percent sign, but this indicator is measured in “{measure}”</translation>
    </message>
    <message>
        <source>“{text}”中的逗号不是千位分隔符（千位分隔符每三位一组）；小数请用小数点，如 {example}</source>
        <translation>The comma in “{text}” is not a thousands separator (those come every three digits); write decimals with a point, e.g. {example}</translation>
    </message>
    <message>
        <source>“{text}”的分隔符位置不对：千位分隔符（逗号或空格）须每三位一组，如 12,345</source>
        <translation>The separators in “{text}” are misplaced: thousands separators (comma or space) come every three digits, e.g. 12,345</translation>
    </message>
    <message>
        <source>“{text}”不是数字：含有上标、分数等不是普通阿拉伯数字的字符</source>
        <translation>“{text}” is not a number: it holds characters that are not plain digits (superscripts, fractions)</translation>
    </message>
</context>
<context>
    <name>packages</name>
    <message>
        <source>没有找到上报包（*.xzpkg）</source>
        <translation>No packages (*.xzpkg) found</translation>
    </message>
    <message>
        <source>批量处理请用 --prefer unit 或 --prefer district 指定采用哪一方</source>
        <translation>For bulk resolution, say which side wins with --prefer unit or --prefer district</translation>
    </message>
    <message>
        <source>请给出冲突编号和 --choose N（或用 --all --prefer …）</source>
        <translation>Give a conflict number and --choose N (or use --all --prefer …)</translation>
    </message>
    <message>
        <source>{file} 不完整或已损坏（可能复制时被截断），请让填报单位重新发送</source>
        <translation>{file} is incomplete or damaged (perhaps truncated when copied); ask the unit to send it again</translation>
    </message>
    <message>
        <source>{file} 不完整或已损坏：{reason}</source>
        <translation>{file} is incomplete or damaged: {reason}</translation>
    </message>
    <message>
        <source>{file} 不是上报包（不是 SQLite 文件）</source>
        <translation>{file} is not a package (not an SQLite file)</translation>
    </message>
    <message>
        <source>{file} 不是上报包（可能是数据库文件，请用“导出上报包”生成上报包）</source>
        <translation>{file} is not a package (perhaps a database file; make a package with &quot;Export package&quot;)</translation>
    </message>
    <message>
        <source>{file} 不是文件</source>
        <translation>{file} is not a file</translation>
    </message>
    <message>
        <source>{file} 中 {where} 的修订号无效，不予合并</source>
        <translation>{file}: the revision of {where} is not valid; not merged</translation>
    </message>
    <message>
        <source>{file} 中 {where} 的字段过长，不予合并</source>
        <translation>{file}: a field of {where} is too long; not merged</translation>
    </message>
    <message>
        <source>{file} 中 {where} 的数值“{value}”不是有效数字，不予合并</source>
        <translation>{file}: the value &quot;{value}&quot; of {where} is not a valid number; not merged</translation>
    </message>
    <message>
        <source>{file} 中 {where} 的说明超过 {limit} 字，不予合并</source>
        <translation>{file}: the explanation of {where} is longer than {limit} characters; not merged</translation>
    </message>
    <message>
        <source>{file} 含 {count} 条数据，远超一个单位应有的数量，不予合并</source>
        <translation>{file} holds {count} rows, far more than one unit can have; not merged</translation>
    </message>
    <message>
        <source>{file} 含有无效的数据，不予合并</source>
        <translation>{file} holds invalid data; not merged</translation>
    </message>
    <message>
        <source>{file} 的清单列出了报告期 {periods}，但包中没有这些报告期的任何数值，不予合并</source>
        <translation>The manifest of {file} lists the period(s) {periods} but the package has no figure for them; not merged</translation>
    </message>
    <message>
        <source>{file} 含有无效的指标代码“{code}”，不予合并</source>
        <translation>{file} holds an invalid indicator code “{code}”; not merged</translation>
    </message>
    <message>
        <source>{file} 中 {where} 的修改时间“{value}”不是合理的时间，不予合并</source>
        <translation>In {file}, the time of change “{value}” of {where} is not a plausible time; not merged</translation>
    </message>
    <message>
        <source>{file} 含有清单之外报告期“{period}”的数据，不予合并</source>
        <translation>{file} holds figures of period &quot;{period}&quot;, which its manifest does not list; not merged</translation>
    </message>
    <message>
        <source>{file} 含有类型不对的数据，不予合并</source>
        <translation>{file} holds data of the wrong type; not merged</translation>
    </message>
    <message>
        <source>{file} 声明属于“{unit}”，却含有“{other}”的数据，不予合并</source>
        <translation>{file} says it belongs to &quot;{unit}&quot; yet holds figures of &quot;{other}&quot;; not merged</translation>
    </message>
    <message>
        <source>{file} 太大（{size} MB），不是上报包</source>
        <translation>{file} is too large ({size} MB) to be a package</translation>
    </message>
    <message>
        <source>{file} 已损坏（文件内部校验失败），请让填报单位重新发送</source>
        <translation>{file} is damaged (its internal check failed); ask the unit to send it again</translation>
    </message>
    <message>
        <source>{file} 的内容与其类型不符，不予处理</source>
        <translation>{file}: its content does not match its kind; not processed</translation>
    </message>
    <message>
        <source>{file} 的附带内容无效，不予处理</source>
        <translation>{file}: its attachments are invalid; not processed</translation>
    </message>
    <message>
        <source>{file} 由更新版本的程序导出（上报包格式 {found}，本程序只认识到 {known}），请升级程序后再合并</source>
        <translation>{file} was exported by a newer version of the program (package format {found}, this one knows up to {known}); upgrade before merging it</translation>
    </message>
    <message>
        <source>{file} 的上报包格式 {found} 无法识别</source>
        <translation>The package format {found} of {file} is not recognised</translation>
    </message>
    <message>
        <source>{file} 的上报包类型“{kind}”无法识别</source>
        <translation>The package kind &quot;{kind}&quot; of {file} is not recognised</translation>
    </message>
    <message>
        <source>{file} 的上报包编号无效</source>
        <translation>The package ID of {file} is not valid</translation>
    </message>
    <message>
        <source>{file} 的清单字段“{key}”无效（{value}），不予合并</source>
        <translation>The manifest field “{key}” of {file} is invalid ({value}); not merged</translation>
    </message>
    <message>
        <source>{file} 的报告期“{period}”不在规划年份之内或无法识别，不予合并</source>
        <translation>The period &quot;{period}&quot; of {file} is outside the plan years or not recognised; not merged</translation>
    </message>
    <message>
        <source>{file} 的数据条数与清单不符，不予合并</source>
        <translation>{file}&apos;s number of rows does not match its manifest; not merged</translation>
    </message>
    <message>
        <source>{file} 的数据表结构与上报包格式不符，不予合并</source>
        <translation>{file}&apos;s tables do not match the package format; not merged</translation>
    </message>
    <message>
        <source>{file} 的校验码不符：文件在导出后被修改过或已损坏，不予合并。请让填报单位重新导出</source>
        <translation>{file}&apos;s checksum does not match: it was changed after export or is damaged; not merged. Ask the unit to export it again</translation>
    </message>
    <message>
        <source>{file} 的格式无法识别（格式版本缺失或无效），不是本程序的上报包</source>
        <translation>{file}&apos;s format is not recognised (format version missing or invalid); it is not a package of this program</translation>
    </message>
    <message>
        <source>{file} 的清单内容无效</source>
        <translation>{file}&apos;s manifest is not valid</translation>
    </message>
    <message>
        <source>{file} 的导出时间“{value}”不是合理的时间（早于规划或晚于现在），不予合并</source>
        <translation>The export time “{value}” of {file} is not plausible (before the plan or in the future); not merged</translation>
    </message>
    <message>
        <source>{file} 的清单字段“{key}”过长，不予合并</source>
        <translation>The manifest field &quot;{key}&quot; of {file} is too long; not merged</translation>
    </message>
    <message>
        <source>{file} 的清单没有列出报告期</source>
        <translation>{file}&apos;s manifest lists no period</translation>
    </message>
    <message>
        <source>{file} 的清单缺少：{keys}</source>
        <translation>{file}&apos;s manifest lacks: {keys}</translation>
    </message>
    <message>
        <source>{file} 的清单（manifest）内容无效</source>
        <translation>{file}&apos;s manifest is not valid</translation>
    </message>
    <message>
        <source>{file} 的结构不是上报包的结构（含有不应有的内容：{extra}），不予合并</source>
        <translation>{file} is not structured as a package (it holds {extra}); not merged</translation>
    </message>
    <message>
        <source>找不到文件 {file}</source>
        <translation>File {file} not found</translation>
    </message>
    <message>
        <source>无法写入上报包 {path}：{reason}</source>
        <translation>Cannot write the package {path}: {reason}</translation>
    </message>
    <message>
        <source>无法打开上报包 {file}：{reason}</source>
        <translation>Cannot open the package {file}: {reason}</translation>
    </message>
    <message>
        <source>无法读取 {file}：{reason}</source>
        <translation>Cannot read {file}: {reason}</translation>
    </message>
    <message>
        <source>冲突 {id} 不存在或已处理</source>
        <translation>Conflict {id} does not exist or is already decided</translation>
    </message>
    <message>
        <source>冲突 {id} 只有 {count} 个可选数值</source>
        <translation>Conflict {id} has only {count} values to choose from</translation>
    </message>
    <message>
        <source>该单位首次填报</source>
        <translation>the unit&apos;s first entry</translation>
    </message>
    <message>
        <source>该单位第 {n} 次修改</source>
        <translation>the unit&apos;s change no. {n}</translation>
    </message>
    <message>
        <source>更正文件由区级汇总数据库导出</source>
        <translation>Corrections files are exported from the district database</translation>
    </message>
    <message>
        <source>没有填报单位“{code}”</source>
        <translation>There is no reporting unit &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>区里没有更正过“{unit}”的数值{periods}，无需下发更正文件</source>
        <translation>The district has not corrected any figure of &quot;{unit}&quot;{periods}; no corrections file is needed</translation>
    </message>
    <message>
        <source>{file} 是区里的回执，请用“导入回执”（xz receipt-import）导入</source>
        <translation>{file} is a receipt from the district; import it with “Import receipt” (xz receipt-import)</translation>
    </message>
    <message>
        <source>{file} 是填报单位的上报包，不是区里下发的更正文件</source>
        <translation>{file} is a unit&apos;s package, not a corrections file from the district</translation>
    </message>
    <message>
        <source>这份更正文件是发给“{unit}”的，不能导入本数据库（{own}）</source>
        <translation>This corrections file is for &quot;{unit}&quot; and cannot be imported into this database ({own})</translation>
    </message>
    <message>
        <source>更正文件中有本数据库目录里没有的指标：{codes}。请先导入区里下发的最新目录</source>
        <translation>The corrections file has indicators this database&apos;s catalog lacks: {codes}. Import the district&apos;s latest catalog first</translation>
    </message>
    <message>
        <source>{file} 未能写入（磁盘已满）：它的数据一条也没有写入</source>
        <translation>{file} was not written (the disk is full): none of its figures was written</translation>
    </message>
    <message>
        <source>{file} 不予合并：{reason}</source>
        <translation>{file} not merged: {reason}</translation>
    </message>
    <message>
        <source>{file} 与已合并的同编号上报包内容不同，不予合并</source>
        <translation>{file} differs from the package with the same number merged before; not merged</translation>
    </message>
    <message>
        <source>这是“{own}”的填报数据库；上报包只能合并到区级汇总数据库</source>
        <translation>This is the database of &quot;{own}&quot;; packages can only be merged into the district database</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的已合并上报包</source>
        <translation>No merged package has the number {id}</translation>
    </message>
    <message>
        <source>上报包 {file} 已于 {at} 撤销合并</source>
        <translation>Package {file} was already taken out on {at}</translation>
    </message>
    <message>
        <source>没有找到上报包“{text}”（可用 xz log 查看已合并的上报包）</source>
        <translation>No package &quot;{text}&quot; found (xz log lists the merged packages)</translation>
    </message>
    <message>
        <source>“{text}”对应多个上报包，请写出完整编号</source>
        <translation>&quot;{text}&quot; matches several packages; give the full number</translation>
    </message>
    <message>
        <source>请选择要上报的报告期</source>
        <translation>Choose the periods to report</translation>
    </message>
    <message>
        <source>区级汇总数据库不能导出上报包：上报包由各填报单位的数据库导出</source>
        <translation>The district database cannot export a package: packages are exported from the units&apos; databases</translation>
    </message>
    <message>
        <source>报告期 {periods} 已由区里验收并锁定，无需再报；如需修改，请联系区里重新开放</source>
        <translation>Period {periods} has been accepted and locked by the district; there is nothing to submit. To change it, ask the district to reopen it</translation>
    </message>
    <message>
        <source>{period} {name}：{text}</source>
        <translation>{period} {name}: {text}</translation>
    </message>
    <message>
        <source>还有 {count} 处需要处理，暂不能导出上报包：</source>
        <translation>{count} problems remain; the package cannot be exported yet:</translation>
    </message>
    <message>
        <source>报告期 {periods} 还没有填报任何数据，不能导出上报包</source>
        <translation type="vanished">Nothing has been filled in for {periods} yet; no package can be exported</translation>
    </message>
    <message>
        <source>报告期 {periods} 还没有填报任何数据，不能导出上报包（本期确无数据可报时，请空表上报并写明说明）</source>
        <translation>No figures have been entered for period {periods}, so no package can be exported (if there is truly nothing to report this period, submit a nil report and explain why)</translation>
    </message>
    <message>
        <source>空表上报必须写明说明（为什么本期没有可报的数据）</source>
        <translation>A nil report needs an explanation (why there is nothing to report this period)</translation>
    </message>
    <message>
        <source>说明超过 {limit} 字</source>
        <translation>the explanation is longer than {limit} characters</translation>
    </message>
    <message>
        <source>报告期 {periods} 已填有数据，不能空表上报；请导出普通上报包</source>
        <translation>Period {periods} already has figures, so it cannot be a nil report; export an ordinary package</translation>
    </message>
    <message>
        <source>这是区里发给填报单位的更正文件，应在该单位的数据库中用“导入区里的更正”导入</source>
        <translation>This is a corrections file from the district to a unit; import it in that unit&apos;s database with &quot;Import the district&apos;s corrections&quot;</translation>
    </message>
    <message>
        <source>这是区里发给填报单位的回执，应在该单位的数据库中用“导入回执”导入</source>
        <translation>This is a receipt the district sent to a reporting unit; import it in that unit&apos;s database with “Import receipt”</translation>
    </message>
    <message>
        <source>本区的单位名单中没有“{unit}”</source>
        <translation>&quot;{unit}&quot; is not in the district&apos;s list of units</translation>
    </message>
    <message>
        <source>“{unit}”已停用（区里的单位名单中不再在用），它的上报包不再合并；确需合并时，请先恢复该单位（xz unit-edit 数据库 {code} --reactivate）</source>
        <translation>“{unit}” is retired (no longer active in the district&apos;s unit list): its packages are no longer merged; to merge one, reactivate the unit first (xz unit-edit DB {code} --reactivate)</translation>
    </message>
    <message>
        <source>上报包按本区从未使用过的指标目录（版本 {version}）填报；请让“{unit}”导入区里下发的目录（xz catalog-import）后重新导出</source>
        <translation>The package was filled in with a catalog this district never used (version {version}); ask &quot;{unit}&quot; to import the district&apos;s catalog (xz catalog-import) and export again</translation>
    </message>
    <message>
        <source>空表上报必须附说明，这个上报包的说明是空的</source>
        <translation>A nil report must carry an explanation; this package&apos;s explanation is empty</translation>
    </message>
    <message>
        <source>上报包声明为空表上报，却含有数值</source>
        <translation>The package says it is a nil report, yet it contains figures</translation>
    </message>
    <message>
        <source>指标“{code}”不属于 {period} 年所在的{plan}；请让该单位导入最新目录后重新导出</source>
        <translation>The indicator “{code}” is not one of {plan}, the plan of {period}: ask the unit to import the latest catalog and export again</translation>
    </message>
    <message>
        <source>指标“{code}”已不在本区现行目录中（上报包按目录版本 {version} 填报）；请让该单位导入最新目录后重新导出</source>
        <translation>Indicator &quot;{code}&quot; is no longer in the district&apos;s catalog (the package was filled in with catalog version {version}); ask the unit to import the latest catalog and export again</translation>
    </message>
    <message>
        <source>未知的指标代码“{code}”</source>
        <translation>Unknown indicator code &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>“{name}”由其他指标计算得出，不应出现在上报包中</source>
        <translation>&quot;{name}&quot; is computed from other indicators and must not be in a package</translation>
    </message>
    <message>
        <source>“{unit}”不填报“{name}”</source>
        <translation>&quot;{unit}&quot; does not report &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>“{unit}”{period} 已于 {at} 由 {by} 验收并锁定；区里重新开放（xz review --reopen）之前不接受新的上报包</source>
        <translation>{period} of “{unit}” was accepted and locked by {by} at {at}; no new package is taken until the district reopens it (xz review --reopen)</translation>
    </message>
    <message>
        <source>{file} 自称来自{who}，但它是旧版本程序导出的未签名上报包（格式 1），无法确认来源，不予接受。请该单位用区里发放的登记文件登记后重新导出</source>
        <translation>{file} claims to come from {who}, but it is an unsigned package of an older version (format 1) whose sender cannot be confirmed; refused. Have the unit enrol with the district&apos;s enrolment file and export again</translation>
    </message>
    <message>
        <source>本数据库（{name}）没有上一级，不能导出上报包</source>
        <translation>This database ({name}) has no level above: it cannot export a package</translation>
    </message>
    <message>
        <source>报告期 {periods} 还没有任何完整的汇总值（所有应报单位都已报送），不能向上一级上报</source>
        <translation>Period {periods} has no complete total yet (one every expected unit has reported): nothing can be sent to the level above</translation>
    </message>
    <message>
        <source>{period} {name}：已报 {reported}/{expected} 个单位</source>
        <translation>{period} {name}: {reported} of {expected} units reported</translation>
    </message>
</context>
<context>
    <name>packages_page</name>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>合并上报包(&amp;M)…</source>
        <translation>&amp;Merge packages…</translation>
    </message>
    <message>
        <source>回执 (*{suffix} *{old});;所有文件 (*)</source>
        <translation>Receipt (*{suffix} *{old});;All files (*)</translation>
    </message>
    <message>
        <source>导入区里的回执(&amp;H)…</source>
        <translation>Import the district&apos;s receipt (&amp;H)…</translation>
    </message>
    <message>
        <source>合并日志</source>
        <translation>Merge log</translation>
    </message>
    <message>
        <source>导入区里下发的目录(&amp;L)…</source>
        <translation>Import the district&apos;s cata&amp;log…</translation>
    </message>
    <message>
        <source>导入区里的更正(&amp;G)…</source>
        <translation>Import the district&apos;s corrections (&amp;G)…</translation>
    </message>
    <message>
        <source>导出上报包(&amp;U)…</source>
        <translation>Export package (&amp;U)…</translation>
    </message>
    <message>
        <source>导出更正文件（发给单位）(&amp;G)…</source>
        <translation>Export corrections (for a unit) (&amp;G)…</translation>
    </message>
    <message>
        <source>导出目录文件（下发各单位）(&amp;L)…</source>
        <translation>Export the cata&amp;log (for the units)…</translation>
    </message>
    <message>
        <source>导入区里下发的目录</source>
        <translation>Import the district&apos;s catalog</translation>
    </message>
    <message>
        <source>目录文件 (*{suffix});;所有文件 (*)</source>
        <translation>Catalog files (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>目录版本 {version} 已在使用，无需更新。</source>
        <translation>Catalog version {version} is already in force; nothing to update.</translation>
    </message>
    <message>
        <source>已启用区里下发的目录（版本 {version}，{n} 项指标）。</source>
        <translation>The district&apos;s catalog is now in force (version {version}, {n} indicators).</translation>
    </message>
    <message>
        <source>导入目录</source>
        <translation>Import catalog</translation>
    </message>
    <message>
        <source>导出目录文件</source>
        <translation>Export catalog</translation>
    </message>
    <message>
        <source>目录文件 (*{suffix})</source>
        <translation>Catalog files (*{suffix})</translation>
    </message>
    <message>
        <source>已导出目录（版本 {version}）：{file}
请发给各填报单位，用“文件 → 导入区里下发的目录”启用。</source>
        <translation>Catalog exported (version {version}): {file}
Send it to the units, which put it in force with &quot;File → Import the district&apos;s catalog&quot;.</translation>
    </message>
    <message>
        <source>导出更正文件</source>
        <translation>Export corrections</translation>
    </message>
    <message>
        <source>区里还没有更正过任何单位的数值。</source>
        <translation>The district has not corrected any unit&apos;s figures yet.</translation>
    </message>
    <message>
        <source>发给哪个单位：</source>
        <translation>For which unit:</translation>
    </message>
    <message>
        <source>保存更正文件</source>
        <translation>Save corrections file</translation>
    </message>
    <message>
        <source>更正文件 (*{suffix})</source>
        <translation>Corrections files (*{suffix})</translation>
    </message>
    <message>
        <source>已导出 {n} 个更正数值：{file}
请发给该单位，用“文件 → 导入区里的更正”导入。</source>
        <translation>{n} corrected figures exported: {file}
Send it to the unit, which imports it with &quot;File → Import the district&apos;s corrections&quot;.</translation>
    </message>
    <message>
        <source>导入区里的更正</source>
        <translation>Import the district&apos;s corrections</translation>
    </message>
    <message>
        <source>更正文件 (*{suffix});;所有文件 (*)</source>
        <translation>Corrections files (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>已采用区里的更正：{changed} 个数值已改为区里更正的数值，{agreed} 个原本一致。</source>
        <translation>The district&apos;s corrections are in: {changed} figures changed to the corrected values, {agreed} already agreed.</translation>
    </message>
    <message>
        <source>导入区里的回执</source>
        <translation>Import the district&apos;s receipt</translation>
    </message>
    <message>
        <source>回执 (*{suffix});;所有文件 (*)</source>
        <translation type="vanished">Receipt (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>已导入区里的回执：{changed} 个数值改为区里的数值，{agreed} 个原本一致。</source>
        <translation>The district&apos;s receipt is imported: {changed} figures took the district&apos;s values, {agreed} already agreed.</translation>
    </message>
    <message>
        <source>已退回：{periods}。退回原因显示在填报表上，修改后请重新导出上报包。</source>
        <translation>Returned: {periods}. The reasons are on the form; correct and export a new package.</translation>
    </message>
    <message>
        <source>已验收（锁定，只读）：{periods}。</source>
        <translation>Accepted (locked, read-only): {periods}.</translation>
    </message>
    <message>
        <source>已启用区里的目录（版本 {version}）。</source>
        <translation>The district&apos;s catalog is in force (version {version}).</translation>
    </message>
    <message>
        <source>导入回执</source>
        <translation>Import receipt</translation>
    </message>
    <message>
        <source>{name} 是上报包，应报送区里合并</source>
        <translation type="vanished">{name} is a submission package: send it to the district to merge</translation>
    </message>
    <message>
        <source>导入区里的回执(&amp;R)…</source>
        <translation type="vanished">Import the district&apos;s &amp;receipt…</translation>
    </message>
    <message>
        <source>报送情况</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>查看冲突(&amp;T)</source>
        <translation>Show conflic&amp;ts</translation>
    </message>
    <message>
        <source>查看合并日志(&amp;R)</source>
        <translation>Show merge log (&amp;R)</translation>
    </message>
    <message>
        <source>查看报送情况(&amp;B)</source>
        <translation>Show su&amp;bmissions</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>无法识别的报告期“{text}”，应为年份（如 2023）或半年（如 2023H1）</source>
        <translation>The period &quot;{text}&quot; is not recognised; it should be a year (e.g. 2023) or a half-year (e.g. 2023H1)</translation>
    </message>
    <message>
        <source>报告期“{text}”不在规划年份 {first}–{last} 之内</source>
        <translation type="vanished">The period &quot;{text}&quot; is outside the plan years {first}–{last}</translation>
    </message>
    <message>
        <source>报告期“{text}”不在 {first}–{last} 年之内</source>
        <translation>Period “{text}” is not within {first}–{last}</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{year}年上半年</source>
        <translation>{year} H1</translation>
    </message>
    <message>
        <source>{year}年下半年</source>
        <translation>{year} H2</translation>
    </message>
</context>
<context>
    <name>pivot</name>
    <message>
        <source>“十四五”人才发展主要指标（表2）</source>
        <translation type="vanished">Main talent indicators of the 14th Five-Year Plan (Table 2)</translation>
    </message>
    <message>
        <source>规划正文中的其他目标</source>
        <translation>Other targets in the text of the plan</translation>
    </message>
    <message>
        <source>“十三五”规划指标（表1）</source>
        <translation type="vanished">13th Five-Year Plan indicators (Table 1)</translation>
    </message>
    <message>
        <source>基础数据（计算比值所用的组成项）</source>
        <translation>Base data (components of the ratios)</translation>
    </message>
    <message>
        <source>按“{base}”自2020年基数起的年均增长计算，下列为各单位的该项数值</source>
        <translation type="vanished">Computed as the average annual growth of &quot;{base}&quot; from its 2020 base; the units&apos; values of it are listed below</translation>
    </message>
    <message>
        <source>“{plan}”人才发展主要指标（表2）</source>
        <translation>Main talent development indicators of the “{plan}” plan (Table 2)</translation>
    </message>
    <message>
        <source>“{previous}”规划指标（表1）</source>
        <translation>Indicators of the “{previous}” plan (Table 1)</translation>
    </message>
    <message>
        <source>按“{base}”自{year}年基数起的年均增长计算，下列为各单位的该项数值</source>
        <translation>Computed as the average annual growth of “{base}” from its {year} base; below, each unit&apos;s figure of it</translation>
    </message>
    <message>
        <source>全区值 = Σ分子 ÷ Σ分母 × {scale}，只计分子、分母都已填报的单位</source>
        <translation>District value = Σ numerator ÷ Σ denominator × {scale}, over units that reported both</translation>
    </message>
    <message>
        <source>全区值 = 全区分子 ÷ 全区分母 × {scale}；分子、分母由不同单位填报，两者都完整才计算</source>
        <translation>District value = district numerator ÷ district denominator × {scale}; they are reported by different units and the value exists only when both are complete</translation>
    </message>
    <message>
        <source>全区值 = 各组成项的全区值之和</source>
        <translation>District value = the sum of its parts&apos; district values</translation>
    </message>
    <message>
        <source>{years}年数据不全，没有全区值（分子、分母须都完整），图中不画点</source>
        <translation>{years}: incomplete data, no district value (numerator and denominator must both be complete); no point drawn</translation>
    </message>
    <message>
        <source>空心点为数据不全的年份（缺报单位未计入），不能与其他年份比较；“估”为沿用上期的估计值</source>
        <translation>Hollow points are years with incomplete data (missing units not counted): not comparable with other years; “est.” marks carried-forward estimates</translation>
    </message>
    <message>
        <source>空心点为数据不全的年份（缺报单位未计入），不能与其他年份比较</source>
        <translation>Hollow points are years with incomplete data (missing units not counted): not comparable with other years</translation>
    </message>
    <message>
        <source>“估”为沿用上期的估计值</source>
        <translation>“est.” marks estimates carried forward from an earlier period</translation>
    </message>
    <message>
        <source>全区值 = 各组成项之和</source>
        <translation type="vanished">District value = sum of its components</translation>
    </message>
    <message>
        <source>占全区</source>
        <translation>Share of district</translation>
    </message>
    <message>
        <source>区级指标：只取主管单位填报的数值</source>
        <translation>District indicator: only the responsible unit&apos;s figure counts</translation>
    </message>
    <message>
        <source>全区值 = 各单位之和</source>
        <translation>District value = sum of the units&apos; values</translation>
    </message>
</context>
<context>
    <name>plan_assess</name>
    <message>
        <source>无法读取方案文件 {file}：{reason}</source>
        <translation>Cannot read the scheme file {file}: {reason}</translation>
    </message>
    <message>
        <source>加减分只能在区级汇总数据库中录入</source>
        <translation>Bonus and deduction items are entered in the district&apos;s database only</translation>
    </message>
    <message>
        <source>没有填报单位“{unit}”</source>
        <translation>There is no reporting unit “{unit}”</translation>
    </message>
    <message>
        <source>加减分应为 -100 到 100 之间、不为 0 的数</source>
        <translation>A bonus or deduction must be a number from -100 to 100 other than 0</translation>
    </message>
    <message>
        <source>加减分须写明理由（不超过 500 字）</source>
        <translation>A bonus or deduction needs a reason (at most 500 characters)</translation>
    </message>
</context>
<context>
    <name>plan_charts</name>
    <message>
        <source>XZ_CJK_FONT 指定的字体文件 {file} 不存在</source>
        <translation>The font file {file} named by XZ_CJK_FONT does not exist</translation>
    </message>
    <message>
        <source>找不到中文字体文件，图表中的汉字会显示为方框：请安装 Noto Sans CJK（fonts-noto-cjk）或微软雅黑</source>
        <translation>No Chinese font file found, so the chart&apos;s Chinese text would show as boxes: install Noto Sans CJK (fonts-noto-cjk) or Microsoft YaHei</translation>
    </message>
    <message>
        <source>图表字体缺少字形，会显示为方框：{detail}</source>
        <translation>The chart font lacks glyphs and would show boxes: {detail}</translation>
    </message>
    <message>
        <source>字体 {font} 缺少“{chars}”的字形，图表会显示为方框</source>
        <translation>The font {font} has no glyphs for “{chars}”: the chart would show boxes</translation>
    </message>
</context>
<context>
    <name>plan_evaluation</name>
    <message>
        <source>数据库中没有规划“{code}”；已有的规划：{held}</source>
        <translation>The database holds no plan “{code}”; plans held: {held}</translation>
    </message>
</context>
<context>
    <name>plan_report</name>
    <message>
        <source>年度评估报告在区级汇总数据库中生成</source>
        <translation>The annual evaluation report is written from the district&apos;s database</translation>
    </message>
    <message>
        <source>未安装 LibreOffice，无法生成 PDF；Word 文件已写出：{path}</source>
        <translation>LibreOffice is not installed, so no PDF was made; the Word file was written: {path}</translation>
    </message>
    <message>
        <source>LibreOffice 转换 PDF 失败：{reason}</source>
        <translation>LibreOffice could not convert to PDF: {reason}</translation>
    </message>
    <message>
        <source>规划终期评估报告在区级汇总数据库中生成</source>
        <translation>The final evaluation report is written in the district&apos;s database</translation>
    </message>
</context>
<context>
    <name>plan_targets</name>
    <message>
        <source>目标由区里分解下达；本单位数据库只能通过区里的目录文件接收目标</source>
        <translation>Targets are set by the district; a unit&apos;s copy receives them only in the district&apos;s catalog file</translation>
    </message>
    <message>
        <source>{file} 太大，不是目标文件</source>
        <translation>{file} is too large to be a targets file</translation>
    </message>
    <message>
        <source>无法读取 {file}：{reason}</source>
        <translation>Cannot read {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} 不是 UTF-8 或 GBK 编码的 CSV 文本文件</source>
        <translation>{file} is not a CSV text file in UTF-8 or GBK</translation>
    </message>
    <message>
        <source>{file} 缺少列：{columns}（表头应为 unit,indicator,target[,period]）</source>
        <translation>{file} lacks the columns {columns} (the header must be unit,indicator,target[,period])</translation>
    </message>
    <message>
        <source>{file} 不是有效的 CSV：{reason}</source>
        <translation>{file} is not valid CSV: {reason}</translation>
    </message>
    <message>
        <source>第 {row} 行：目标“{text}”不是数字</source>
        <translation>Row {row}: the target “{text}” is not a number</translation>
    </message>
    <message>
        <source>第 {row} 行：目标为空</source>
        <translation>Row {row}: the target is blank</translation>
    </message>
    <message>
        <source>第 {row} 行：目标 {text} 超出范围（应为 0 到 10^12）</source>
        <translation>Row {row}: the target {text} is out of range (0 to 10^12)</translation>
    </message>
    <message>
        <source>第 {row} 行：没有在用的填报单位“{unit}”</source>
        <translation>Row {row}: there is no active reporting unit “{unit}”</translation>
    </message>
    <message>
        <source>第 {row} 行：目录中没有指标“{code}”</source>
        <translation>Row {row}: the catalog has no indicator “{code}”</translation>
    </message>
    <message>
        <source>第 {row} 行：{unit} 不填报“{name}”，不能给它下达该指标的目标</source>
        <translation>Row {row}: {unit} does not report “{name}” and cannot be given a target for it</translation>
    </message>
    <message>
        <source>第 {row} 行：期别“{period}”应为 {first} 到 {last} 的年份</source>
        <translation>Row {row}: period “{period}” should be a year from {first} to {last}</translation>
    </message>
    <message>
        <source>按 {year} 年基数分解</source>
        <translation>Split by the {year} base</translation>
    </message>
    <message>
        <source>比率指标：按本单位 {year} 年比率</source>
        <translation>Ratio indicator: by the unit&apos;s own {year} ratio</translation>
    </message>
    <message>
        <source>“{name}”没有规划目标，无法分解</source>
        <translation>“{name}” has no target in the plan and cannot be split</translation>
    </message>
    <message>
        <source>按 {year} 年基数分解“{name}”，但这些单位没有 {year} 年数：{units}</source>
        <translation>Splitting “{name}” by the {year} base, but these units have no {year} figure: {units}</translation>
    </message>
    <message>
        <source>第 {row} 行：期别“{period}”应为 2021 到 2025 的年份</source>
        <translation type="vanished">Row {row}: the period “{period}” must be a year from 2021 to 2025</translation>
    </message>
    <message>
        <source>第 {row} 行与第 {first} 行重复</source>
        <translation>Row {row} repeats row {first}</translation>
    </message>
    <message>
        <source>{file} 有 {count} 处错误，未导入任何目标</source>
        <translation>{file} has {count} errors; no target was imported</translation>
    </message>
    <message>
        <source>{method}，保底份额 {floor}</source>
        <translation>{method}, floor share {floor}</translation>
    </message>
    <message>
        <source>直接下达</source>
        <translation>Set directly</translation>
    </message>
    <message>
        <source>按 2020 年基数分解</source>
        <translation type="vanished">Split by the 2020 base</translation>
    </message>
    <message>
        <source>比率指标：按本单位 2020 年比率</source>
        <translation type="vanished">Ratio: the unit&apos;s own 2020 ratio</translation>
    </message>
    <message>
        <source>按“{basis}”分解</source>
        <translation>Split by “{basis}”</translation>
    </message>
    <message>
        <source>“{name}”由一个单位填报或由计算得出，不需要分解到单位</source>
        <translation>“{name}” is reported by one unit or computed: it is not split over units</translation>
    </message>
    <message>
        <source>“{name}”没有 2025 年目标，无法分解</source>
        <translation type="vanished">“{name}” has no 2025 target to split</translation>
    </message>
    <message>
        <source>分解依据“{by}”应为 base 或目录中的指标代码</source>
        <translation>The basis “{by}” must be base or an indicator code of the catalog</translation>
    </message>
    <message>
        <source>手工份额的单位“{units}”不填报“{name}”</source>
        <translation>The units “{units}” given a share by hand do not report “{name}”</translation>
    </message>
    <message>
        <source>“{name}”是比率，各单位目标不相加，没有保底份额或手工份额：可用 --import 逐个修改</source>
        <translation>“{name}” is a ratio: unit targets do not add up, so there is no floor share or hand-set share; change them one by one with --import</translation>
    </message>
    <message>
        <source>按 2020 年基数分解“{name}”，但这些单位没有 2020 年数：{units}</source>
        <translation type="vanished">Splitting “{name}” by the 2020 figures, but these units have no 2020 figure: {units}</translation>
    </message>
    <message>
        <source>分解依据“{basis}”不由这些单位填报：{units}</source>
        <translation>These units do not report “{basis}”, the basis of the split: {units}</translation>
    </message>
    <message>
        <source>没有哪一年各单位都填报了“{basis}”，无法按它分解</source>
        <translation>No year has “{basis}” from every unit: it cannot be the basis of the split</translation>
    </message>
    <message>
        <source>按“{basis}”分解，这些单位的依据为 0，将永远分得 0：{units}。请给保底份额（如 20% 由各单位平均分配），或按其他指标分解，或手工给定这些单位的份额</source>
        <translation>Split by “{basis}”, these units have a basis of 0 and would get 0 for good: {units}. Give a floor share (e.g. 20 % split equally), split by another indicator, or set these units&apos; shares by hand</translation>
    </message>
    <message>
        <source>手工份额“{text}”应写作 单位=目标（每个单位一次），如 新城街道=3</source>
        <translation>The share set by hand “{text}” should read UNIT=TARGET (each unit once), e.g. 新城街道=3</translation>
    </message>
    <message>
        <source>按“{basis}”分解，这些单位的依据为 0，将永远分得 0：{units}。请给保底份额（--floor 0.2，即 20% 平均分配），或按其他指标分解，或手工给定其份额（--set 单位=目标）</source>
        <translation type="vanished">Split by “{basis}”, these units have a basis of 0 and would get 0 for good: {units}. Give a floor share (--floor 0.2: 20 % split equally), split by another indicator, or set their shares by hand (--set UNIT=TARGET)</translation>
    </message>
    <message>
        <source>{file} 中的目标数据无效</source>
        <translation>The targets in {file} are not valid</translation>
    </message>
</context>
<context>
    <name>plans</name>
    <message>
        <source>规划由区级汇总数据库维护；填报单位的数据库使用区里下发的目录，不能在这里修改</source>
        <translation>Plans are kept by the district&apos;s aggregating database; a unit&apos;s copy uses the catalog the district sends and cannot change it here</translation>
    </message>
    <message>
        <source>规划代码应为不超过 {most} 字的一行文字（如 十五五）</source>
        <translation>The plan&apos;s code must be one line of at most {most} characters (e.g. 十五五)</translation>
    </message>
    <message>
        <source>规划名称应为不超过 {most} 字的一行文字</source>
        <translation>The plan&apos;s name must be one line of at most {most} characters</translation>
    </message>
    <message>
        <source>本库已有规划“{code}”，请换一个代码</source>
        <translation>This database already holds the plan “{code}”: choose another code</translation>
    </message>
    <message>
        <source>年份 {year} 不在 {earliest}–{latest} 之间</source>
        <translation>The year {year} is not between {earliest} and {latest}</translation>
    </message>
    <message>
        <source>目标年（{target}）应晚于基期年（{base}）</source>
        <translation>The target year ({target}) must come after the base year ({base})</translation>
    </message>
    <message>
        <source>规划期 {first}–{last} 与本库的 {name}（{held_first}–{held_last}）重叠</source>
        <translation>The years {first}–{last} overlap those of {name} ({held_first}–{held_last}) held in this database</translation>
    </message>
    <message>
        <source>{path} 不是空文件夹；请选一个新的或空的文件夹</source>
        <translation>{path} is not an empty folder: choose a new or empty folder</translation>
    </message>
    <message>
        <source>无法写入文件夹 {path}：{reason}</source>
        <translation>Cannot write to the folder {path}: {reason}</translation>
    </message>
    <message>
        <source>找不到规划文件夹 {path}</source>
        <translation>Plan folder {path} not found</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>打印填报表</source>
        <translation>Print form</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>已取消，数据未作修改</source>
        <translation>Cancelled; nothing was changed</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>空表上报，说明：{reason}</source>
        <translation>A nil report, explained: {reason}</translation>
    </message>
    <message>
        <source>已填 {filled} 项（共 {rows} 项）</source>
        <translation>{filled} of {rows} figures given</translation>
    </message>
    <message>
        <source>审核：错误 {errors} 处，提示 {unexplained} 处未说明、{explained} 处已说明</source>
        <translation>Checks: {errors} errors, {unexplained} warnings unexplained, {explained} explained</translation>
    </message>
    <message>
        <source>离群筛查标出 {outliers} 项</source>
        <translation>{outliers} flagged by the outlier screen</translation>
    </message>
    <message>
        <source>与上一个上报包相比改动 {changed} 项</source>
        <translation>{changed} changed since the previous package</translation>
    </message>
    <message>
        <source>区里备注 {notes} 条</source>
        <translation>{notes} district notes</translation>
    </message>
    <message>
        <source>尚有 {conflicts} 处冲突待区里裁决</source>
        <translation>{conflicts} conflicts still awaiting the district&apos;s decision</translation>
    </message>
</context>
<context>
    <name>review_page</name>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>审核日志</source>
        <translation>Review log</translation>
    </message>
    <message>
        <source>审核（验收 / 退回）(&amp;V)</source>
        <translation>Re&amp;view (accept / return)</translation>
    </message>
    <message>
        <source>查看审核日志(&amp;J)</source>
        <translation>Show the review log (&amp;J)</translation>
    </message>
    <message>
        <source>导出回执（发给单位）(&amp;H)…</source>
        <translation>Export a receipt (for a unit) (&amp;H)…</translation>
    </message>
</context>
<context>
    <name>round</name>
    <message>
        <source>未报送</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>已报送（待审核）</source>
        <translation>Submitted (awaiting review)</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已验收（锁定）</source>
        <translation>Accepted (locked)</translation>
    </message>
    <message>
        <source>截止日期由区级汇总数据库设置</source>
        <translation>Due dates are set in the district database</translation>
    </message>
    <message>
        <source>截止日期“{text}”无效，应写成 YYYY-MM-DD，如 2025-01-31</source>
        <translation>Due date “{text}” is invalid: write YYYY-MM-DD, e.g. 2025-01-31</translation>
    </message>
    <message>
        <source>截止日期 {due} 早于报告期 {period} 本身</source>
        <translation>The due date {due} is before the period {period} itself</translation>
    </message>
    <message>
        <source>回执由区级汇总数据库导出</source>
        <translation>Receipts are exported from the district database</translation>
    </message>
    <message>
        <source>没有填报单位“{code}”</source>
        <translation>No reporting unit “{code}”</translation>
    </message>
    <message>
        <source>区里对“{unit}”还没有审核决定、更正或截止日期，暂无回执可导出</source>
        <translation>The district has no decision, correction or due date for “{unit}” yet: no receipt to export</translation>
    </message>
    <message>
        <source>{file} 不是回执（应为区里用“导出回执”生成的文件）</source>
        <translation>{file} is not a receipt (the district makes one with “Export receipt”)</translation>
    </message>
    <message>
        <source>这份回执是发给“{unit}”的，不能导入本数据库（{own}）</source>
        <translation>This receipt is for “{unit}” and cannot be imported into this database ({own})</translation>
    </message>
    <message>
        <source>{file} 的内容不完整，不是完整的回执</source>
        <translation>{file} is incomplete: not a whole receipt</translation>
    </message>
    <message>
        <source>{file} 中的审核决定或截止日期无效，未导入</source>
        <translation>{file}: its decisions or due dates are invalid; not imported</translation>
    </message>
    <message>
        <source>回执中的目录没有本单位（{unit}）或本单位已停用，未导入</source>
        <translation>The receipt&apos;s catalog lacks this unit ({unit}) or retires it; not imported</translation>
    </message>
    <message>
        <source>{file} 中有目录里没有的指标：{codes}，未导入</source>
        <translation>{file} has indicators the catalog lacks: {codes}; not imported</translation>
    </message>
    <message>
        <source>审核、验收、退回和重新开放只能在区级汇总数据库中进行</source>
        <translation>Review, accept, return and reopen happen only in the district database</translation>
    </message>
    <message>
        <source>原因或备注超过 {limit} 字</source>
        <translation>The reason or note is longer than {limit} characters</translation>
    </message>
    <message>
        <source>“{unit}”{period} 已经验收</source>
        <translation>{period} of “{unit}” is already accepted</translation>
    </message>
    <message>
        <source>“{unit}”还没有报送 {period}，不能验收</source>
        <translation>“{unit}” has not submitted {period}: nothing to accept</translation>
    </message>
    <message>
        <source>“{unit}”{period} 还有 {n} 个冲突待处理，处理后才能验收</source>
        <translation>{period} of “{unit}” has {n} open conflicts: decide them before accepting</translation>
    </message>
    <message>
        <source>请写明退回原因</source>
        <translation>State the reason for returning it</translation>
    </message>
    <message>
        <source>未知的指标代码“{code}”</source>
        <translation>Unknown indicator code “{code}”</translation>
    </message>
    <message>
        <source>“{unit}”{period} 已验收锁定，请先重新开放再退回</source>
        <translation>{period} of “{unit}” is accepted and locked: reopen it before returning it</translation>
    </message>
    <message>
        <source>“{unit}”还没有报送 {period}，无可退回</source>
        <translation>“{unit}” has not submitted {period}: nothing to return</translation>
    </message>
    <message>
        <source>“{unit}”{period} 已退回，尚未重新报送</source>
        <translation>{period} of “{unit}” was returned and not resubmitted yet</translation>
    </message>
    <message>
        <source>请写明重新开放的原因</source>
        <translation>State the reason for reopening it</translation>
    </message>
    <message>
        <source>“{unit}”{period} 没有验收锁定，无需重新开放</source>
        <translation>{period} of “{unit}” is not accepted: nothing to reopen</translation>
    </message>
</context>
<context>
    <name>self_test</name>
    <message>
        <source>日志文件：{log}</source>
        <translation>Log file: {log}</translation>
    </message>
    <message>
        <source>xz-desktop 自检</source>
        <translation>xz-desktop self-test</translation>
    </message>
    <message>
        <source>缺少指标目录文件 {file}</source>
        <translation>catalog file missing: {file}</translation>
    </message>
    <message>
        <source>缺少考核与指数方案文件 {file}</source>
        <translation>Missing assessment and index scheme file {file}</translation>
    </message>
    <message>
        <source>缺少数据库迁移脚本（{folder}）</source>
        <translation>database migration scripts missing ({folder})</translation>
    </message>
    <message>
        <source>{catalog}；迁移脚本 {n} 个</source>
        <translation>{catalog}; {n} migration scripts</translation>
    </message>
    <message>
        <source>无法加载英文界面翻译（{folder}）</source>
        <translation>cannot load the English translation of the interface ({folder})</translation>
    </message>
    <message>
        <source>无法加载 Qt 自带的中文翻译 qtbase_zh_CN（{folder}）</source>
        <translation>cannot load Qt&apos;s own Chinese translation qtbase_zh_CN ({folder})</translation>
    </message>
    <message>
        <source>找不到中文字体（需要 {families} 之一），打印的填报表会缺字</source>
        <translation>no Chinese font found (one of {families} is needed): the printed form would lack characters</translation>
    </message>
    <message>
        <source>随程序附带</source>
        <translation>shipped with the program</translation>
    </message>
    <message>
        <source>系统字体</source>
        <translation>system font</translation>
    </message>
    <message>
        <source>页面“{page}”没有显示出来</source>
        <translation>the page “{page}” was not shown</translation>
    </message>
    <message>
        <source>窗口只有 {n} 个页面</source>
        <translation>the window has only {n} pages</translation>
    </message>
    <message>
        <source>示例数据库中 {unit} {period} 没有数据</source>
        <translation>the demo database has no figures for {unit} {period}</translation>
    </message>
    <message>
        <source>打印的 PDF 不完整（{n} 字节）</source>
        <translation>the printed PDF is incomplete ({n} bytes)</translation>
    </message>
    <message>
        <source>页面 {pages}；PDF {n} 字节</source>
        <translation>pages {pages}; PDF {n} bytes</translation>
    </message>
    <message>
        <source>资源文件</source>
        <translation>resources</translation>
    </message>
    <message>
        <source>翻译</source>
        <translation>translations</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>font</translation>
    </message>
    <message>
        <source>窗口与打印</source>
        <translation>window and printing</translation>
    </message>
    <message>
        <source>{error}（详情见日志 {log}）</source>
        <translation>{error} (details in the log {log})</translation>
    </message>
    <message>
        <source>通过 {step}：{detail}</source>
        <translation>passed {step}: {detail}</translation>
    </message>
    <message>
        <source>全部通过</source>
        <translation>all passed</translation>
    </message>
    <message>
        <source>失败（{step}）：{reason}</source>
        <translation>failed ({step}): {reason}</translation>
    </message>
</context>
<context>
    <name>signing</name>
    <message>
        <source>区级汇总数据库还没有签名密钥（登记第一个单位时自动生成）</source>
        <translation>The district database has no signing key yet (it is made when the first unit is enrolled)</translation>
    </message>
    <message>
        <source>本单位的数据库还没有登记（没有签名密钥），导出的文件区里无法验证。请向区里索取登记文件，用“xz init 数据库 --enrolment 登记文件”（或首次运行的对话框）导入</source>
        <translation>This unit&apos;s database is not enrolled (it has no signing key), so the district could not verify what it exports. Ask the district for an enrolment file and take it in with “xz init DB --enrolment FILE” (or the first-run dialog)</translation>
    </message>
    <message>
        <source>本数据库还没有在上一级（{above}）登记为填报单位，导出的上报包上一级无法验证。请向上一级索取登记文件，用“xz init 本数据库 --enrolment 登记文件”导入</source>
        <translation>This database is not yet enrolled as a reporting unit of the level above ({above}): that level could not verify its package. Ask the level above for an enrolment file and take it with “xz init THIS-DATABASE --enrolment FILE”</translation>
    </message>
    <message>
        <source>{file} 自称来自{who}，但{reason}，不予接受</source>
        <translation>{file} claims to come from {who}, but {reason}; refused</translation>
    </message>
    <message>
        <source>文件没有签名（旧版本程序导出，或签名被去掉）</source>
        <translation>the file is not signed (exported by an old version, or its signature was removed)</translation>
    </message>
    <message>
        <source>本数据库没有区里的公钥（不是用区里的登记文件建立的），无法验证</source>
        <translation>this database has no district public key (it was not set up from an enrolment file), so it cannot be verified</translation>
    </message>
    <message>
        <source>该单位在本区还没有登记（没有发放签名密钥）。请先用“xz enrol”为该单位登记，把登记文件交给该单位导入后重新导出</source>
        <translation>the unit is not enrolled in this district (no signing key was issued). Enrol it with “xz enrol”, give it the enrolment file, and have it export again</translation>
    </message>
    <message>
        <source>签名所用的密钥属于{other}</source>
        <translation>it is signed with the key of {other}</translation>
    </message>
    <message>
        <source>签名所用的密钥已于 {at} 作废（区里为该单位重新发放了密钥），请用新密钥重新导出</source>
        <translation>it is signed with a key revoked on {at} (the district issued the unit a new key); export it again with the new key</translation>
    </message>
    <message>
        <source>签名所用的密钥（{key}）不是本区为其登记的密钥</source>
        <translation>the key it is signed with ({key}) is not the key the district enrolled for it</translation>
    </message>
    <message>
        <source>签名与内容不符：文件在签名后被改动过或已损坏</source>
        <translation>the signature does not match the content: the file was changed after it was signed, or is damaged</translation>
    </message>
    <message>
        <source>这种文件只能由{who}签发</source>
        <translation>a file of this kind can only be issued by {who}</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>此数据库由更新版本的程序创建（结构版本 {found}，本程序只认识到 {known}），请升级程序后再打开</source>
        <translation>This database was made by a newer version of the program (schema version {found}; this one knows up to {known}); upgrade before opening it</translation>
    </message>
    <message>
        <source>这不是 xz-desktop 的数据库</source>
        <translation>This is not an xz-desktop database</translation>
    </message>
    <message>
        <source>{path} 不是有效的数据库文件，或文件已损坏</source>
        <translation>{path} is not a valid database file, or it is damaged</translation>
    </message>
    <message>
        <source>“{name}”由其他指标计算得出，不能直接填报</source>
        <translation>&quot;{name}&quot; is computed from other indicators and cannot be filled in directly</translation>
    </message>
    <message>
        <source>{name}（{period}）填了 {value}，超出可能的范围，未写入</source>
        <translation>{name} ({period}): {value} is beyond any possible figure; not written</translation>
    </message>
    <message>
        <source>{name}（{period}）填了 {value}，超出可能的范围（绝对值不超过 {bound}），未写入</source>
        <translation>{name} ({period}) was given {value}, beyond any possible figure (at most {bound} in absolute value); not written</translation>
    </message>
    <message>
        <source>填报人姓名超过 {limit} 个字，未写入</source>
        <translation>The name of who filled it in is longer than {limit} characters; nothing written</translation>
    </message>
    <message>
        <source>{indicator} {period} 的说明有 {length} 字，超过 {limit} 字，未写入</source>
        <translation>The explanation of {indicator} {period} has {length} characters, more than {limit}; nothing written</translation>
    </message>
    <message>
        <source>区级汇总数据库不属于某个单位</source>
        <translation>The district database does not belong to a unit</translation>
    </message>
    <message>
        <source>数据库 {path} 操作失败：{reason}</source>
        <translation>Database {path}: the operation failed: {reason}</translation>
    </message>
    <message>
        <source>数据库 {path} 是只读的，无法写入</source>
        <translation>Database {path} is read-only and cannot be written</translation>
    </message>
    <message>
        <source>该报告期已由区里验收并锁定，数值不能再修改；需区里重新开放后才能修改</source>
        <translation>This period was accepted and locked by the district: its figures can change only after the district reopens it</translation>
    </message>
    <message>
        <source>数据库 {path} 正被另一个程序使用，请关闭后重试</source>
        <translation>Database {path} is in use by another program; close it and try again</translation>
    </message>
    <message>
        <source>磁盘已满，未能写入；数据库 {path} 保持原样</source>
        <translation>The disk is full; nothing was written and the database {path} is unchanged</translation>
    </message>
    <message>
        <source>读写磁盘出错（U 盘被拔出或磁盘故障？），数据库 {path} 保持原样</source>
        <translation>A disk read/write error (USB stick removed, or a faulty disk?); the database {path} is unchanged</translation>
    </message>
    <message>
        <source>无法打开数据库 {path}：所在位置只读、没有权限，或文件夹不存在</source>
        <translation>Cannot open the database {path}: the location is read-only, access is denied, or the folder does not exist</translation>
    </message>
    <message>
        <source>数据库 {path} 的结构版本与本程序不符</source>
        <translation>The schema version of database {path} does not match this program</translation>
    </message>
    <message>
        <source>数据库文件 {path} 不存在</source>
        <translation>Database file {path} does not exist</translation>
    </message>
    <message>
        <source>数据库 {path} 正在计算机“{host}”上由 {app}（进程 {pid}）打开，为免两处同时修改，未写入任何内容。请先关闭那个窗口；只读的命令（如 xz totals、xz status）仍可使用</source>
        <translation>The database {path} is open in {app} (process {pid}) on the computer “{host}”; nothing was written, so that it is never changed in two places at once. Close that window first; reading commands (such as xz totals, xz status) still work</translation>
    </message>
    <message>
        <source>数据库 {path} 所在位置是只读的（光盘、写保护的 U 盘，或没有写入权限的文件夹），无法写入。请把它复制到本机可写的文件夹；只读的命令（如 xz totals、xz status）仍可使用</source>
        <translation>The database {path} is on a read-only medium (a CD, a write-protected USB stick, or a folder without write permission) and cannot be written. Copy it to a writable folder on this computer; reading commands (such as xz totals, xz status) still work</translation>
    </message>
    <message>
        <source>文件 {path} 已存在，不会覆盖</source>
        <translation>File {path} already exists and will not be overwritten</translation>
    </message>
    <message>
        <source>无法读取 {path}：{reason}</source>
        <translation>Cannot read {path}: {reason}</translation>
    </message>
    <message>
        <source>本数据库属于“{own}”，不能写入“{other}”的数据</source>
        <translation>This database belongs to &quot;{own}&quot; and cannot take figures of &quot;{other}&quot;</translation>
    </message>
    <message>
        <source>没有填报单位“{code}”</source>
        <translation>There is no reporting unit &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>磁盘已满或无法写入，数据库 {path} 保持原样</source>
        <translation type="vanished">The disk is full or cannot be written; database {path} is unchanged</translation>
    </message>
    <message>
        <source>数据库中没有规划，无法读取指标目录</source>
        <translation>The database holds no plan; its catalog cannot be read</translation>
    </message>
    <message>
        <source>数据库中没有规划“{code}”（有：{known}）</source>
        <translation>The database holds no plan “{code}” (it holds: {known})</translation>
    </message>
    <message>
        <source>报告期“{period}”不在本库的规划年份 {first}–{last} 之内</source>
        <translation>Period “{period}” is outside the years of this database&apos;s plans, {first}–{last}</translation>
    </message>
    <message>
        <source>数据库中已有规划“{code}”</source>
        <translation>The database already holds the plan “{code}”</translation>
    </message>
    <message>
        <source>规划“{code}”（{first}–{last}年）与已有的规划“{other}”（{first2}–{last2}年）年份重叠</source>
        <translation>The plan “{code}” ({first}–{last}) overlaps the plan “{other}” ({first2}–{last2}) already held</translation>
    </message>
    <message>
        <source>数据库中的单位重叠设置已损坏，无法读取指标目录</source>
        <translation>The unit overlaps stored in the database are damaged; the catalog cannot be read</translation>
    </message>
</context>
<context>
    <name>talent_index</name>
    <message>
        <source>人才发展指数方案 {file} 有误：{what}</source>
        <translation>The talent index scheme {file} is wrong: {what}</translation>
    </message>
</context>
<context>
    <name>targets</name>
    <message>
        <source>没有可分解的单位</source>
        <translation>No unit to split over</translation>
    </message>
    <message>
        <source>分解依据不能为负数</source>
        <translation>The basis of a split cannot be negative</translation>
    </message>
    <message>
        <source>各单位的分解依据合计为 0，无法按比例分解</source>
        <translation>The units&apos; basis adds up to 0: nothing to split in proportion to</translation>
    </message>
    <message>
        <source>“{name}”是比率或增速，不能按份额分解</source>
        <translation>“{name}” is a ratio or a growth rate: it is not split into shares</translation>
    </message>
    <message>
        <source>“{name}”没有 2025 年目标，无法分解</source>
        <translation type="vanished">“{name}” has no 2025 target to split</translation>
    </message>
    <message>
        <source>“{name}”没有规划目标，无法分解</source>
        <translation>“{name}” has no target in the plan and cannot be split</translation>
    </message>
    <message>
        <source>保底份额应在 0 到 1 之间（如 0.2 即 20%）</source>
        <translation>The floor share must be between 0 and 1 (0.2 is 20 %)</translation>
    </message>
    <message>
        <source>手工份额 {value} 应为不小于 0、以 {step} 为单位的数</source>
        <translation>The share set by hand, {value}, must be at least 0 and a whole multiple of {step}</translation>
    </message>
    <message>
        <source>手工份额合计 {sum}，与全区目标 {target} 不符，其余单位无法分得</source>
        <translation>The shares set by hand add up to {sum}, which does not fit the district target {target}: nothing is left for the other units</translation>
    </message>
    <message>
        <source>{unit} 没有分到目标</source>
        <translation>{unit} has no share</translation>
    </message>
    <message>
        <source>{unit} 已停用，仍有目标份额</source>
        <translation>{unit} is retired but still holds a share</translation>
    </message>
    <message>
        <source>在用单位的目标合计 {sum}，与全区目标 {target} 不符</source>
        <translation>The active units&apos; targets add up to {sum}, not the district target {target}</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>totals_page</name>
    <message>
        <source>汇总</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>分单位数据</source>
        <translation>By unit</translation>
    </message>
</context>
<context>
    <name>verdicts</name>
    <message>
        <source>达到进度</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>落后进度</source>
        <translation>Behind</translation>
    </message>
    <message>
        <source>数据不全</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>无目标</source>
        <translation>No target</translation>
    </message>
    <message>
        <source>完成目标</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>未完成目标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>达到规划进度</source>
        <translation>on track with the plan</translation>
    </message>
    <message>
        <source>落后于规划进度</source>
        <translation>behind the plan</translation>
    </message>
    <message>
        <source>数据不完整，不作判断</source>
        <translation>incomplete data, not judged</translation>
    </message>
    <message>
        <source>无规划目标</source>
        <translation>no plan target</translation>
    </message>
    <message>
        <source>完成规划目标</source>
        <translation>met the plan&apos;s target</translation>
    </message>
    <message>
        <source>未完成规划目标</source>
        <translation>did not meet the plan&apos;s target</translation>
    </message>
    <message>
        <source>{verdict}（估）</source>
        <translation>{verdict} (est.)</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>目标与考核</source>
        <translation>Targets &amp;&amp; assessment</translation>
    </message>
    <message>
        <source>规划</source>
        <translation>Plans</translation>
    </message>
</context>
</TS>
